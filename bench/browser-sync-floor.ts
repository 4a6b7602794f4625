// What a browser's network stack adds to the cheapest pattern of a sync: on one server seeded as
// the benchmark seeds it (default Cyrus IMAP, 10,000 contacts + 10,000 events + 1,000 tasks),
// the floor client of floor-client.ts run twice, from Node (as the benchmark's floor) and in a
// page of the built extension in headless Chromium (storing-floor-page.ts): fetching alone, and
// storing each multiget answer's texts into IndexedDB (the storing floor: one object store, no
// index, no history of the texts replaced); then Lifeboat's own run. Rounds of a no-change sync, then rounds of 100 upstream changes
// (generate-data.ts's benchChanges, as run-size.ts applies them), each client in turn, the
// order rotating. Cyrus answers without TCP_NODELAY: on a kept-alive connection the tail of an
// answer longer than its 4 KB output buffer waits for the client's delayed ACK (about 40 ms on
// Linux), and Chromium, unlike Node's client, meets that wait on most answers.
// Needs a build (`npm run build`). Run: `npx tsx bench/browser-sync-floor.ts [--server cyrus|radicale] [--contacts 10000] [--rounds 5] [--dist dist]`.
import { loadavg } from 'node:os';
import { startBenchServer, type ServerName } from './bench-server';
import { FloorClient } from './floor-client';
import type { FloorPattern } from './floor-pattern';
import { benchChanges, benchCollections, dataSize } from './generate-data';
import { addAccount, pauseSchedule, startLifeboat, waitForRuns } from './lifeboat-browser';
import { readyExports, syncNowCounted } from './lifeboat-in-chromium';
import { loadStoringFloor, runSyncFloor } from './storing-floor-bundle';
import { median } from './timing';
import { argValue } from './cli-args';

const serverName = (argValue('--server') ?? 'cyrus') as ServerName;
const size = dataSize(Number(argValue('--contacts') ?? '10000'));
const rounds = Number(argValue('--rounds') ?? '5');
const dist = argValue('--dist') ?? 'dist';
// Batches of 1000, 4 in flight: the cheapest first mirror at this size in the quiet runs; a
// sync's multigets (50 changed items each) are one request whatever the batching.
const PATTERN: FloorPattern = { batch: 1000, inFlight: 4 };
const CHANGES = 100;

import { saveSyncFloors, type SyncFloorClient as Client, type SyncFloorEntry } from './sync-floor-results';
const CLIENTS: Client[] = ['floor from Node', 'floor in Chromium', 'storing floor', 'Lifeboat'];
/** The page's floor clients: fetching alone, and storing each answer's texts (storing-floor-page.ts). */
const IN_PAGE: Partial<Record<Client, { database?: string }>> = { 'floor in Chromium': {}, 'storing floor': { database: `sync-floor-${Date.now()}` } };

const server = await startBenchServer(serverName, benchCollections(size));
const lifeboat = await startLifeboat(dist);
try {
  const node = new FloorClient(server.account, server.vcard4);
  await node.firstMirror(PATTERN);
  await loadStoringFloor(lifeboat.page);
  for (const [name, { database }] of Object.entries(IN_PAGE)) {
    await runSyncFloor(lifeboat.page, { name, account: server.account, vcard4: server.vcard4, pattern: PATTERN, step: 'first', ...(database === undefined ? {} : { database }) });
  }
  await addAccount(lifeboat, server.account);
  await waitForRuns(lifeboat, 1, 30 * 60_000);
  await pauseSchedule(lifeboat);
  await readyExports(lifeboat);

  /** One sync of `client`, in ms, checked to have seen `expected` changed items. */
  const syncOf = async (client: Client, expected: number): Promise<number> => {
    if (client === 'Lifeboat') {
      const { ms, changed } = await syncNowCounted(lifeboat);
      if (changed !== expected) throw new Error(`Lifeboat changed ${changed} items, not ${expected}.`);
      // The exports kept ready are rebuilt after a run with changes: not while the next client runs.
      await readyExports(lifeboat);
      return ms;
    }
    const inPage = IN_PAGE[client];
    const run = inPage === undefined ? await node.sync() : await runSyncFloor(lifeboat.page, { name: client, account: server.account, vcard4: server.vcard4, pattern: PATTERN, step: 'sync', ...inPage });
    if (run.items !== expected) throw new Error(`${client} saw ${run.items} changed items, not ${expected}.`);
    return run.ms;
  };

  const results: SyncFloorEntry['rounds'] = {};
  const loads: number[] = [];
  for (const [figure, changes] of [['no-change sync', 0], [`${CHANGES} upstream changes`, CHANGES]] as const) {
    const times: Record<Client, number[]> = { 'floor from Node': [], 'floor in Chromium': [], 'storing floor': [], Lifeboat: [] };
    results[figure] = times;
    for (let round = 0; round < rounds; round++) {
      if (changes > 0) for (const { collection, item } of benchChanges(size, changes, round + 1)) await server.put(collection, item.name, item.data);
      const order = CLIENTS.map((_, i) => CLIENTS[(i + round) % CLIENTS.length]!);
      const line: string[] = [];
      for (const client of order) {
        const ms = await syncOf(client, changes);
        times[client].push(ms);
        line.push(`${client} ${ms.toFixed(0)} ms`);
      }
      loads.push(loadavg()[0]!);
      console.log(`${figure}, round ${round + 1}: ${line.join(', ')} (load ${loads.at(-1)!.toFixed(1)})`);
    }
  }
  console.log(`\nmedians of ${rounds}, ${size.contacts + size.events + size.tasks} items on ${serverName}:`);
  saveSyncFloors({ server: serverName, contacts: size.contacts, items: size.contacts + size.events + size.tasks, measuredAt: new Date().toISOString(), load: loads, rounds: results });
  for (const [figure, times] of Object.entries(results)) {
    const node = median(times['floor from Node']);
    const chromium = median(times['floor in Chromium']);
    const storing = median(times['storing floor']);
    const mine = median(times.Lifeboat);
    const of = (ms: number): string => `${ms.toFixed(0)} ms (${(ms / node).toFixed(2)}× the floor from Node)`;
    console.log(`${figure}: floor from Node ${node.toFixed(0)} ms; floor in Chromium ${of(chromium)}; storing floor ${of(storing)}; Lifeboat ${of(mine)}, ${(mine / storing).toFixed(2)}× the storing floor`);
  }
} finally {
  await lifeboat.close();
  await server.stop();
}
