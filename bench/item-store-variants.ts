// What each part of an item costs IndexedDB in Chromium: the records a real first mirror wrote
// (the bench's data set, generate-data.ts, mirrored from Radicale by the built extension) put
// again into fresh databases, in the extension's own origin, in batches of 100 per transaction,
// once per variant: schema 7's indexes, each left out in turn, today's (schema 11's) and some of
// them left out, no index at all, the value changed (raw text made one byte a character, raw
// stored as UTF-8 bytes, no raw, only the storing floor's three fields, the key of schema 10:
// collection and address joined), the raw text in a store of its own, and 25 or 1,000 records a
// transaction instead of 100.
// For each: the page's time, the part of it spent in the puts' synchronous calls, and the CPU
// that Chromium's threads spent (thread-cpu.ts), the browser process's IndexedDB thread pool
// first. Variants take turns over `--rounds` rounds. Every variant writes into the same origin,
// whose LevelDB keeps compacting what earlier variants wrote and deleted: compare variants of one
// run, never times across runs.
// Needs a build. Run: `npx tsx bench/item-store-variants.ts [contacts] [--rounds <n>] [--only <pattern>]`.
import { startBenchServer } from './bench-server';
import { benchCollections } from './generate-data';
import { addAccount, startLifeboat, waitForRuns } from './lifeboat-browser';
import { threadCpuBetween, threadCpuMs } from './thread-cpu';
import { argValue, countArg } from './cli-args';

interface Variant {
  name: string;
  /** Index name → key path (and multiEntry), as `createIndex` takes them. */
  indexes: Array<[string, string | string[], boolean?]>;
  /** How the value is changed before the put, evaluated in the page. */
  value: 'as-is' | 'one-byte-raw' | 'utf8-raw' | 'large-utf8-raw' | 'no-raw' | 'text-only' | 'joined-key';
  /** Records a transaction, 100 unless said (the storing floor commits one per multiget of up to 1,000). */
  perTransaction?: number;
  /**
   * The raw text kept apart: the record without it in the indexed store, the text in a second
   * store with no index and an out-of-line key, in the same transaction. Chromium clones a value
   * to extract its keys only where the store has a key path or indexes, so the text is not cloned.
   */
  split?: boolean;
  /** Only the records whose value Blink keeps inline (`small`) or wraps into a Blob of its own (`large`, over 64 KB serialised). */
  only?: 'small' | 'large';
}

const V7: Variant['indexes'] = [
  ['accountId', 'accountId'],
  ['[accountId+kind+live]', ['accountId', 'kind', 'live']],
  ['[collectionId+live]', ['collectionId', 'live']],
  ['uid', 'uid'],
  ['[kind+title]', ['kind', 'title']],
  ['[kind+start]', ['kind', 'start']],
  ['searchWords', 'searchWords', true],
  ['seriesStart', 'seriesStart'],
];
// Today's (schemas 8 to 11): schema 7's without `accountId`, which `[accountId+kind+live]` serves.
const V11: Variant['indexes'] = V7.filter(([index]) => index !== 'accountId');
const without = (name: string): Variant['indexes'] => V7.filter(([index]) => index !== name);

const VARIANTS: Variant[] = [
  { name: 'v7 indexes', indexes: V7, value: 'as-is' },
  ...V7.map(([index]): Variant => ({ name: `v7 without ${index}`, indexes: without(index), value: 'as-is' })),
  { name: 'no index', indexes: [], value: 'as-is' },
  { name: 'v7 indexes, keys of schema 10 (collection and address joined)', indexes: V7, value: 'joined-key' },
  { name: 'no index, one-byte raw', indexes: [], value: 'one-byte-raw' },
  { name: 'no index, raw as UTF-8 bytes', indexes: [], value: 'utf8-raw' },
  { name: 'no index, no raw', indexes: [], value: 'no-raw' },
  { name: 'v7 indexes, 1,000 a transaction', indexes: V7, value: 'as-is', perTransaction: 1000 },
  { name: 'no index, 1,000 a transaction', indexes: [], value: 'as-is', perTransaction: 1000 },
  { name: 'v11 indexes', indexes: V11, value: 'as-is' },
  { name: 'v11 indexes, 25 a transaction', indexes: V11, value: 'as-is', perTransaction: 25 },
  { name: 'v11 indexes, 1,000 a transaction', indexes: V11, value: 'as-is', perTransaction: 1000 },
  { name: 'v11 without searchWords', indexes: V11.filter(([index]) => index !== 'searchWords'), value: 'as-is' },
  { name: 'v11 without searchWords, uid and [accountId+kind+live] (schema 12)', indexes: V11.filter(([index]) => !['uid', '[accountId+kind+live]', 'searchWords'].includes(index)), value: 'as-is' },
  // Schema 13: events out of the name order (nothing lists them by name), contacts listed from
  // the search's records, tasks by a field only they carry (`taskTitle`, none in these records:
  // the 1,000 tasks' entries are left out here).
  { name: 'schema 12 without [kind+title]', indexes: V11.filter(([index]) => !['uid', '[accountId+kind+live]', 'searchWords', '[kind+title]'].includes(index)), value: 'as-is' },
  { name: 'v11 without uid', indexes: V11.filter(([index]) => index !== 'uid'), value: 'as-is' },
  { name: 'v11 without uid and [accountId+kind+live]', indexes: V11.filter(([index]) => index !== 'uid' && index !== '[accountId+kind+live]'), value: 'as-is' },
  // One index for the order of every kind (a name for contacts and tasks, a start for events)
  // where v11 has two, each item then in one of them: [kind+title] stands for it here.
  { name: 'v11 without uid and [accountId+kind+live], one order index', indexes: V11.filter(([index]) => !['uid', '[accountId+kind+live]', '[kind+start]'].includes(index)), value: 'as-is' },
  { name: 'v11 indexes, raw as UTF-8 bytes where it is two bytes a character and 28,000 characters or more', indexes: V11, value: 'large-utf8-raw' },
  { name: 'no index, only the records under 64 KB', indexes: [], value: 'as-is', only: 'small' },
  { name: 'no index, only the records over 64 KB', indexes: [], value: 'as-is', only: 'large' },
  { name: 'v11 indexes, raw in a store of its own', indexes: V11, value: 'as-is', split: true },
  { name: 'no index, raw in a store of its own', indexes: [], value: 'as-is', split: true },
  { name: 'storing floor record (id, etag, raw)', indexes: [], value: 'text-only' },
  { name: 'storing floor record, 1,000 a transaction', indexes: [], value: 'text-only', perTransaction: 1000 },
];

const contacts = countArg(3000);
const rounds = Number(argValue('--rounds') ?? 2);
// `--only <pattern>`: the variants whose name it matches, a regular expression (and schema 7's, the ratios' base).
const only = argValue('--only');
const chosen = VARIANTS.filter((v) => only === undefined || v.name === 'v7 indexes' || new RegExp(only).test(v.name));

const server = await startBenchServer('radicale', benchCollections({ contacts, events: contacts, tasks: Math.round(contacts / 10) }));
try {
  const lifeboat = await startLifeboat();
  try {
    await addAccount(lifeboat, server.account);
    await waitForRuns(lifeboat, 1, 30 * 60_000);
    const shape = await lifeboat.page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('lifeboat');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(new Error(String(open.error)));
      });
      const items = await new Promise<Array<{ raw: string }>>((resolve) => {
        const request = db.transaction('items').objectStore('items').getAll();
        request.onsuccess = () => resolve(request.result as Array<{ raw: string }>);
      });
      db.close();
      // V8 serialises a string one byte a character, or two where any is above U+00FF; Blink wraps a
      // value over 64 KB into a Blob of its own. Worked out once, for the variants that split by it.
      const twoByte = items.map((item) => /[\u0100-\uffff]/.test(item.raw));
      const large = items.map((item, index) => item.raw.length * (twoByte[index] ? 2 : 1) > 65_536);
      Object.assign(globalThis, { benchItems: items, benchLarge: large });
      return { items: items.length, twoByte: twoByte.filter(Boolean).length, large: large.filter(Boolean).length, chars: items.reduce((sum, item) => sum + item.raw.length, 0) };
    });
    console.log(`${shape.items} records, ${(shape.chars / 1e6).toFixed(1)} M characters of raw; ${shape.twoByte} with a character above U+00FF (two bytes a character), ${shape.large} over 64 KB serialised`);
    const results = new Map<string, Array<{ ms: number; setupMs: number; records: number; idb: number; all: number; worker: number }>>();
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? chosen : [...chosen].reverse();
      for (const variant of order) {
        const before = threadCpuMs(lifeboat.ext.processGroup);
        const { ms, setupMs, records } = await lifeboat.page.evaluate(async (v) => {
          const name = `bench-variant-${Math.random()}`;
          const db = await new Promise<IDBDatabase>((resolve, reject) => {
            const open = indexedDB.open(name, 1);
            open.onupgradeneeded = () => {
              const store = open.result.createObjectStore('items', { keyPath: 'id' });
              for (const [index, keyPath, multiEntry] of v.indexes) store.createIndex(index, keyPath, { multiEntry: multiEntry ?? false });
              if (v.split) open.result.createObjectStore('texts');
            };
            open.onsuccess = () => resolve(open.result);
            open.onerror = () => reject(new Error(String(open.error)));
          });
          const source = (globalThis as unknown as { benchItems: Array<Record<string, unknown> & { raw: string }> }).benchItems;
          const encoder = new TextEncoder();
          const large = (globalThis as unknown as { benchLarge: boolean[] }).benchLarge;
          const kept = v.only === undefined ? source : source.filter((_, index) => large[index] === (v.only === 'large'));
          const values = kept.map((item) => {
            if (v.value === 'one-byte-raw') return { ...item, raw: item.raw.replace(/[\u0100-\uffff]/g, '?') };
            if (v.value === 'utf8-raw') return { ...item, raw: encoder.encode(item.raw) };
            if (v.value === 'large-utf8-raw') return item.raw.length >= 28_000 && /[\u0100-\uffff]/.test(item.raw) ? { ...item, raw: encoder.encode(item.raw) } : item;
            if (v.value === 'no-raw') return { ...item, raw: '' };
            if (v.value === 'joined-key') return { ...item, id: `${String(item.collectionId)}|${String(item.href)}` };
            if (v.value === 'text-only') return { id: item.id, etag: item.etag, raw: item.raw };
            return item;
          });
          const start = performance.now();
          // The synchronous part of the puts: Blink serialises each value, clones it to extract
          // its keys, and wraps a large one into a Blob before anything reaches the database.
          let setupMs = 0;
          const per = v.perTransaction ?? 100;
          for (let at = 0; at < values.length; at += per) {
            await new Promise<void>((resolve, reject) => {
              const tx = db.transaction(v.split ? ['items', 'texts'] : ['items'], 'readwrite');
              const store = tx.objectStore('items');
              const texts = v.split ? tx.objectStore('texts') : null;
              const setupStart = performance.now();
              for (const value of values.slice(at, at + per)) {
                if (!texts) {
                  store.put(value);
                  continue;
                }
                const { raw, ...fields } = value as unknown as Record<string, unknown> & { id: string };
                store.put(fields);
                texts.put(raw, fields.id);
              }
              setupMs += performance.now() - setupStart;
              tx.oncomplete = () => resolve();
              tx.onerror = () => reject(new Error(String(tx.error)));
            });
          }
          const ms = performance.now() - start;
          db.close();
          await new Promise((resolve) => {
            const removal = indexedDB.deleteDatabase(name);
            removal.onsuccess = removal.onerror = resolve;
          });
          return { ms, setupMs, records: values.length };
        }, variant);
        const threads = threadCpuBetween(before, threadCpuMs(lifeboat.ext.processGroup), 0);
        const idb = threads.filter(([key]) => /ThreadPool|IndexedDB/.test(key)).reduce((sum, [, cpu]) => sum + cpu, 0);
        const worker = threads.filter(([key]) => /CrRendererMain|chromium/.test(key)).reduce((sum, [, cpu]) => sum + cpu, 0);
        const all = threads.reduce((sum, [, cpu]) => sum + cpu, 0);
        results.set(variant.name, [...(results.get(variant.name) ?? []), { ms, setupMs, records, idb, all, worker }]);
      }
    }
    const base = results.get('v7 indexes')!;
    const mean = (list: number[]) => list.reduce((a, b) => a + b, 0) / list.length;
    const baseMs = mean(base.map((r) => r.ms));
    const baseAll = mean(base.map((r) => r.all));
    console.log('variant | put time ms (÷ v7) | of which the puts\' synchronous setup ms (µs a record) | Chromium CPU ms (÷ v7) | of which thread pool ms | page ms');
    for (const variant of chosen) {
      const r = results.get(variant.name)!;
      const ms = mean(r.map((x) => x.ms));
      const all = mean(r.map((x) => x.all));
      console.log(
        `${variant.name} | ${ms.toFixed(0)} (${(ms / baseMs).toFixed(2)}) | ${mean(r.map((x) => x.setupMs)).toFixed(0)} (${((mean(r.map((x) => x.setupMs)) / r[0]!.records) * 1000).toFixed(0)}) | ${all.toFixed(0)} (${(all / baseAll).toFixed(2)}) | ${mean(r.map((x) => x.idb)).toFixed(0)} | ${mean(r.map((x) => x.worker)).toFixed(0)}`,
      );
    }
  } finally {
    await lifeboat.close();
  }
} finally {
  await server.stop();
}
