// How many IndexedDB requests and transactions a first mirror makes, by kind and store, in the
// extension's service worker and in the options page that stays open (IndexedDB's methods are
// wrapped in both before the account is added). What a trace cannot say: which store each put
// went to, and how many writes share a transaction. Needs a build.
// Run: `npx tsx bench/idb-requests.ts [contacts] [--server radicale|cyrus] [--dist <dir>]`.
import { startBenchServer, type ServerName } from './bench-server';
import { benchCollections, dataSize } from './generate-data';
import { addAccount, runDuration, startLifeboat, waitForRuns } from './lifeboat-browser';
import { argValue, countArg } from './cli-args';

const contacts = countArg(3000);
const serverKind = (argValue('--server') ?? 'radicale') as ServerName;
const dist = argValue('--dist') ?? 'dist';

// Plain JavaScript, evaluated as a string: no build helper may appear in it.
const COUNT_REQUESTS = `(() => {
  const counts = {};
  globalThis.__idbCounts = counts;
  const bump = (key) => void (counts[key] = (counts[key] ?? 0) + 1);
  const transaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (names, mode, options) {
    bump('transaction ' + (mode ?? 'readonly') + ' ' + [names].flat().join(','));
    return transaction.call(this, names, mode, options);
  };
  for (const method of ['put', 'add', 'get', 'getAll', 'getAllKeys', 'count', 'delete', 'openCursor', 'openKeyCursor']) {
    for (const proto of [IDBObjectStore.prototype, IDBIndex.prototype]) {
      const original = proto[method];
      if (!original) continue;
      proto[method] = function (...args) {
        bump(method + ' ' + ('objectStore' in this ? this.objectStore.name + '.' + this.name : this.name));
        return original.apply(this, args);
      };
    }
  }
})()`;

const server = await startBenchServer(serverKind, benchCollections(dataSize(contacts)));
try {
  const lifeboat = await startLifeboat(dist);
  try {
    const worker = await lifeboat.ext.serviceWorker();
    // Both a worker and a page evaluate a string; typed as that one call so the union is callable.
    const targets: Array<{ name: string; target: { evaluate(source: string): Promise<unknown> } }> = [
      { name: 'service worker', target: worker },
      { name: 'options page', target: lifeboat.page },
    ];
    for (const { target } of targets) await target.evaluate(COUNT_REQUESTS);
    await addAccount(lifeboat, server.account);
    const run = await waitForRuns(lifeboat, 1, 30 * 60_000);
    console.log(`first mirror of ${contacts} contacts (the bench's mix) on ${serverKind}: ${runDuration(run)} ms`);
    for (const { name, target } of targets) {
      const counts = (await target.evaluate('globalThis.__idbCounts')) as Record<string, number>;
      console.log(`\n== ${name}`);
      for (const [key, count] of Object.entries(counts).sort((a, b) => b[1] - a[1])) console.log(`${String(count).padStart(8)}  ${key}`);
    }
  } finally {
    await lifeboat.close();
  }
} finally {
  await server.stop();
}
