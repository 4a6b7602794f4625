// `npx tsx bench/sync-fixed-cost.ts [rounds] [distDir]`: where a sync's fixed cost goes, on a
// small Cyrus IMAP (~200 items). After the first mirror, `rounds` "Sync now" with nothing new
// upstream, then `rounds` with 100 upstream changes; for each, the worker's own moments
// (shared/phase-times.ts) and Resource Timing of its requests, on the run's clock, and the
// engine's run record duration. Prints the medians of each phase.
import type { Page, Worker } from 'playwright-core';
import { startBenchServer } from './bench-server';
import { benchChanges, benchCollections } from './generate-data';
import { addAccount, pauseSchedule, startLifeboat, waitForRuns, type LifeboatBrowser } from './lifeboat-browser';
import { readyExports, syncNowCounted } from './lifeboat-in-chromium';
import { itemId } from '../src/db/item-id';

interface Trace {
  marks: Array<{ name: string; at: number }>;
  requests: Array<{ name: string; start: number; end: number }>;
}

function readWorker(worker: Worker): Promise<Trace> {
  return worker.evaluate(() => ({
    marks: performance.getEntriesByType('mark').map((m) => ({ name: m.name.replace('lifeboat:', ''), at: m.startTime })),
    requests: (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((r) => ({ name: r.name, start: r.startTime, end: r.responseEnd })),
  }));
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function traced(lifeboat: LifeboatBrowser, worker: Worker, run: () => Promise<number>): Promise<Record<string, number>> {
  await worker.evaluate(() => {
    performance.clearMarks();
    performance.clearResourceTimings();
  });
  const ms = await run();
  await readyExports(lifeboat);
  const trace = await readWorker(worker);
  const first = (name: string): number => trace.marks.find((m) => m.name === name)?.at ?? NaN;
  const last = (name: string): number => trace.marks.filter((m) => m.name === name).at(-1)?.at ?? NaN;
  const origin = first('run-asked');
  const requests = trace.requests.filter((r) => r.start >= origin);
  const phases: Record<string, number> = {
    'run record (engine)': ms,
    'asked → run begins': first('run-begins') - origin,
    'run begins → collections listed': first('collections-listed') - first('run-begins'),
    'collections listed → last listed': last('listed') - first('collections-listed'),
    'last listed → last planned': last('planned') - last('listed'),
    'last planned → last collection done': last('collection-done') - last('planned'),
    'last collection done → run ended': first('run-ended') - last('collection-done'),
    'run ended → run done': first('run-done') - first('run-ended'),
    'asked → run done': first('run-done') - origin,
    requests: requests.length,
    'request time in flight (sum)': requests.reduce((a, r) => a + r.end - r.start, 0),
  };
  if (process.env.VERBOSE) {
    for (const m of trace.marks) console.log(`    ${(m.at - origin).toFixed(1).padStart(8)} ${m.name}`);
    for (const r of requests) console.log(`    ${(r.start - origin).toFixed(1).padStart(8)} → ${(r.end - origin).toFixed(1).padStart(8)} ${r.name}`);
  }
  return phases;
}

function table(title: string, rows: Array<Record<string, number>>): void {
  console.log(title);
  for (const key of Object.keys(rows[0]!)) console.log(`  ${key.padEnd(40)} ${median(rows.map((r) => r[key]!)).toFixed(1).padStart(8)}   [${rows.map((r) => r[key]!.toFixed(0)).join(', ')}]`);
}

/**
 * Copies of the mirrored items, `times` each, under hrefs the server never lists: a mirror of
 * the benchmark's size without seeding the server with it, so that what the run reads or counts
 * in IndexedDB weighs as it does at 10,000 contacts while the server answers stay small.
 */
async function inflateMirror(page: Page, times: number): Promise<number> {
  // The copies' keys as the engine makes them (src/db/item-id.ts), made here rather than in the
  // page: a digest awaited inside the page's write transaction would commit it early.
  const refs = await page.evaluate(
    () =>
      new Promise<Array<{ id: string; collectionId: string; href: string }>>((resolve, reject) => {
        const open = indexedDB.open('lifeboat');
        open.onerror = () => reject(open.error ?? new Error('IndexedDB did not open'));
        open.onsuccess = () => {
          const all = open.result.transaction('items').objectStore('items').getAll();
          all.onsuccess = () => {
            open.result.close();
            resolve((all.result as Array<{ id: string; collectionId: string; href: string }>).map(({ id, collectionId, href }) => ({ id, collectionId, href })));
          };
          all.onerror = () => reject(all.error ?? new Error('items not read'));
        };
      }),
  );
  const keys = Object.fromEntries(refs.map((ref) => [ref.id, Array.from({ length: times }, (_, i) => itemId(ref.collectionId, `${ref.href}-copy-${i}`))]));
  return page.evaluate(
    ({ times, keys }) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('lifeboat');
        open.onerror = () => reject(open.error ?? new Error('IndexedDB did not open'));
        open.onsuccess = () => {
          const db = open.result;
          // Written past Dexie: the counts kept per collection (schema 10) are moved here too.
          const kept = db.objectStoreNames.contains('collectionCounts');
          const tx = db.transaction(kept ? ['items', 'collectionCounts'] : ['items'], 'readwrite');
          const store = tx.objectStore('items');
          const all = store.getAll();
          let added = 0;
          all.onsuccess = () => {
            const more = new Map<string, { live: number; deleted: number }>();
            for (const item of all.result as Array<{ id: string; href: string; collectionId: string; live: 0 | 1 }>) {
              const by = more.get(item.collectionId) ?? { live: 0, deleted: 0 };
              by[item.live === 1 ? 'live' : 'deleted'] += times;
              more.set(item.collectionId, by);
              for (let i = 0; i < times; i++) {
                const href = `${item.href}-copy-${i}`;
                store.put({ ...item, href, id: keys[item.id]![i]! });
                added++;
              }
            }
            if (!kept) return;
            const counts = tx.objectStore('collectionCounts');
            for (const [collectionId, by] of more) {
              const row = counts.get(collectionId);
              row.onsuccess = () => {
                const was = (row.result as { live: number; deleted: number } | undefined) ?? { live: 0, deleted: 0 };
                counts.put({ collectionId, live: was.live + by.live, deleted: was.deleted + by.deleted });
              };
            }
          };
          tx.oncomplete = () => {
            db.close();
            resolve(added);
          };
          tx.onerror = () => reject(tx.error ?? new Error('inflate failed'));
        };
      }),
    { times, keys },
  );
}

const rounds = Number(process.argv[2] ?? 5);
const inflate = Number(process.env.INFLATE ?? 0);
const size = { contacts: 100, events: 80, tasks: 20 };
const server = await startBenchServer('cyrus', benchCollections(size));
const lifeboat = await startLifeboat(process.argv[3] ?? 'dist');
try {
  await addAccount(lifeboat, server.account);
  await waitForRuns(lifeboat, 1, 120_000);
  await pauseSchedule(lifeboat);
  if (inflate > 0) await inflateMirror(lifeboat.page, inflate);
  // The exports kept ready are rebuilt after a run that changed something: not beside the next.
  await readyExports(lifeboat);
  const worker = await lifeboat.ext.serviceWorker();
  await worker.evaluate(() => performance.setResourceTimingBufferSize(10_000));
  const still: Array<Record<string, number>> = [];
  for (let i = 0; i < rounds; i++) still.push(await traced(lifeboat, worker, async () => (await syncNowCounted(lifeboat)).ms));
  const moved: Array<Record<string, number>> = [];
  for (let i = 0; i < rounds; i++) {
    for (const { collection, item } of benchChanges(size, 100, i + 1)) await server.put(collection, item.name, item.data);
    moved.push(
      await traced(lifeboat, worker, async () => {
        const { ms, changed } = await syncNowCounted(lifeboat);
        if (changed !== 100) throw new Error(`changed ${changed}, not 100`);
        return ms;
      }),
    );
  }
  table(`no-change sync (median of ${rounds}, ms)`, still);
  table(`100-change sync (median of ${rounds}, ms)`, moved);
} finally {
  await lifeboat.close();
  await server.stop();
}
