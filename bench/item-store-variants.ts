// What each part of an item costs IndexedDB in Chromium: the records a real first mirror wrote
// (the bench's data set, generate-data.ts, mirrored from Radicale by the built extension) put
// again into fresh databases, in the extension's own origin, in batches of 100 per transaction,
// once per variant: today's indexes, each index left out in turn, no index at all, and the
// value changed (raw text made one byte a character, raw stored as UTF-8 bytes, no raw, only
// the storing floor's three fields, the key of schema 10: collection and address joined), and
// 1,000 records a transaction instead of 100.
// For each: the page's time and the CPU that Chromium's threads spent (thread-cpu.ts), the
// browser process's IndexedDB thread pool first. Variants take turns over `--rounds` rounds.
// Needs a build. Run: `npx tsx bench/item-store-variants.ts [contacts] [--rounds <n>] [--only <part of a name>]`.
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
  value: 'as-is' | 'one-byte-raw' | 'utf8-raw' | 'no-raw' | 'text-only' | 'joined-key';
  /** Records a transaction, 100 unless said (the storing floor commits one per multiget of up to 1,000). */
  perTransaction?: number;
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
  { name: 'storing floor record (id, etag, raw)', indexes: [], value: 'text-only' },
  { name: 'storing floor record, 1,000 a transaction', indexes: [], value: 'text-only', perTransaction: 1000 },
];

const contacts = countArg(3000);
const rounds = Number(argValue('--rounds') ?? 2);
// `--only <text>`: the variants whose name contains it (and today's, the ratios' base).
const only = argValue('--only');
const chosen = VARIANTS.filter((v) => only === undefined || v.name === 'v7 indexes' || v.name.includes(only));

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
      (globalThis as unknown as { benchItems: unknown[] }).benchItems = items;
      const twoByte = items.filter((item) => /[\u0100-\uffff]/.test(item.raw)).length;
      const large = items.filter((item) => item.raw.length * (/[\u0100-\uffff]/.test(item.raw) ? 2 : 1) > 65_536).length;
      return { items: items.length, twoByte, large, chars: items.reduce((sum, item) => sum + item.raw.length, 0) };
    });
    console.log(`${shape.items} records, ${(shape.chars / 1e6).toFixed(1)} M characters of raw; ${shape.twoByte} with a character above U+00FF (two bytes a character), ${shape.large} over 64 KB serialised`);
    const results = new Map<string, Array<{ ms: number; idb: number; all: number; worker: number }>>();
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? chosen : [...chosen].reverse();
      for (const variant of order) {
        const before = threadCpuMs(lifeboat.ext.processGroup);
        const ms = await lifeboat.page.evaluate(async (v) => {
          const name = `bench-variant-${Math.random()}`;
          const db = await new Promise<IDBDatabase>((resolve, reject) => {
            const open = indexedDB.open(name, 1);
            open.onupgradeneeded = () => {
              const store = open.result.createObjectStore('items', { keyPath: 'id' });
              for (const [index, keyPath, multiEntry] of v.indexes) store.createIndex(index, keyPath, { multiEntry: multiEntry ?? false });
            };
            open.onsuccess = () => resolve(open.result);
            open.onerror = () => reject(new Error(String(open.error)));
          });
          const source = (globalThis as unknown as { benchItems: Array<Record<string, unknown> & { raw: string }> }).benchItems;
          const encoder = new TextEncoder();
          const values = source.map((item) => {
            if (v.value === 'one-byte-raw') return { ...item, raw: item.raw.replace(/[\u0100-\uffff]/g, '?') };
            if (v.value === 'utf8-raw') return { ...item, raw: encoder.encode(item.raw) };
            if (v.value === 'no-raw') return { ...item, raw: '' };
            if (v.value === 'joined-key') return { ...item, id: `${String(item.collectionId)}|${String(item.href)}` };
            if (v.value === 'text-only') return { id: item.id, etag: item.etag, raw: item.raw };
            return item;
          });
          const start = performance.now();
          const per = v.perTransaction ?? 100;
          for (let at = 0; at < values.length; at += per) {
            await new Promise<void>((resolve, reject) => {
              const tx = db.transaction('items', 'readwrite');
              const store = tx.objectStore('items');
              for (const value of values.slice(at, at + per)) store.put(value);
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
          return ms;
        }, variant);
        const threads = threadCpuBetween(before, threadCpuMs(lifeboat.ext.processGroup), 0);
        const idb = threads.filter(([key]) => /ThreadPool|IndexedDB/.test(key)).reduce((sum, [, cpu]) => sum + cpu, 0);
        const worker = threads.filter(([key]) => /CrRendererMain|chromium/.test(key)).reduce((sum, [, cpu]) => sum + cpu, 0);
        const all = threads.reduce((sum, [, cpu]) => sum + cpu, 0);
        results.set(variant.name, [...(results.get(variant.name) ?? []), { ms, idb, all, worker }]);
      }
    }
    const base = results.get('v7 indexes')!;
    const mean = (list: number[]) => list.reduce((a, b) => a + b, 0) / list.length;
    const baseMs = mean(base.map((r) => r.ms));
    const baseAll = mean(base.map((r) => r.all));
    console.log('variant | put time ms (÷ v7) | Chromium CPU ms (÷ v7) | of which thread pool ms');
    for (const variant of chosen) {
      const r = results.get(variant.name)!;
      const ms = mean(r.map((x) => x.ms));
      const all = mean(r.map((x) => x.all));
      console.log(`${variant.name} | ${ms.toFixed(0)} (${(ms / baseMs).toFixed(2)}) | ${all.toFixed(0)} (${(all / baseAll).toFixed(2)}) | ${mean(r.map((x) => x.idb)).toFixed(0)}`);
    }
  } finally {
    await lifeboat.close();
  }
} finally {
  await server.stop();
}
