// The Lifeboat figures, measured in headless Chromium with the built extension (see
// lifeboat-browser.ts for where each time comes from). Browser start is never included.
import type { ExportKind, ExportResult } from '../src/model/export';
import type { OffscreenBuilt, OffscreenRequest } from '../src/shared/offscreen-messages';
import { addAccount, command, countItems, runDuration, runs, startLifeboat, waitForRuns, type LifeboatBrowser } from './lifeboat-browser';
import { medianOf } from './timing';
import type { DavAccount } from './vdirsyncer-run';
import { sampleWorkerHeap, type HeapSampling } from './worker-heap';

export interface FirstMirror {
  lifeboat: LifeboatBrowser;
  ms: number;
  heapPeakBytes: number;
  heapSamples: number;
}

/** A fresh profile, the account added in the options page, and its first mirror awaited; `distDir`: the build to load. */
export async function firstMirror(account: DavAccount, expectedItems: number, timeoutMs: number, distDir?: string, sampling: HeapSampling = {}): Promise<FirstMirror> {
  const lifeboat = await startLifeboat(distDir);
  try {
    const heap = await sampleWorkerHeap(lifeboat.ext.browser, lifeboat.ext.extensionId, sampling);
    await addAccount(lifeboat, account);
    const run = await waitForRuns(lifeboat, 1, timeoutMs);
    const { peakBytes, samples } = await heap.stop();
    const stored = await countItems(lifeboat);
    if (stored !== expectedItems) throw new Error(`Lifeboat mirrored ${stored} items, not ${expectedItems}.`);
    return { lifeboat, ms: runDuration(run), heapPeakBytes: peakBytes, heapSamples: samples };
  } catch (error) {
    await lifeboat.close();
    throw error;
  }
}

/**
 * "Sync now": the engine's own duration of the run it started, and how many items it changed.
 * Waits first for any run still going (a scheduled one that started during a long first mirror,
 * before pauseSchedule could clear it). A run's record is also finished before its runner is done
 * (the discovery it saves, old versions pruned, the badge), and "Sync now" during that moment
 * joins the ending run rather than start one (background/sync-runner.ts): then it is asked
 * again, so the figure is always this command's own new run, never an earlier one.
 */
export async function syncNowCounted(lifeboat: LifeboatBrowser, timeoutMs = 30 * 60_000): Promise<{ ms: number; changed: number }> {
  const earlier = await runs(lifeboat);
  if (earlier.some((run) => run.finishedAt === null)) await waitForRuns(lifeboat, earlier.length, timeoutMs);
  const before = (await runs(lifeboat)).at(-1)?.id;
  for (let attempt = 0; attempt < 3; attempt++) {
    await command(lifeboat, 'syncNow', {});
    const last = (await runs(lifeboat)).at(-1);
    if (last && last.id !== before && last.finishedAt !== null) return { ms: runDuration(last), changed: last.changed };
  }
  throw new Error('"Sync now" recorded no new run.');
}

/** A "Sync now" that must find nothing new. */
export async function syncNow(lifeboat: LifeboatBrowser): Promise<number> {
  const { ms, changed } = await syncNowCounted(lifeboat);
  if (changed !== 0) throw new Error(`A sync with nothing new upstream changed ${changed} items.`);
  return ms;
}

export interface ExportTiming {
  ms: number;
  runs: number[];
  /** Each click up to the download's start: the whole click minus the worker's wait for the file. */
  startedRuns: number[];
  count: number;
}

/** The latest "lifeboat:<phase>" measure in the service worker (src/shared/phase-times.ts), in ms. */
async function workerMeasure(lifeboat: LifeboatBrowser, phase: string): Promise<number | null> {
  const worker = await lifeboat.ext.serviceWorker();
  return worker.evaluate((name) => performance.getEntriesByName(name, 'measure').at(-1)?.duration ?? null, `lifeboat:${phase}`);
}

/**
 * One-click export as the popup sends it: command → worker → offscreen document joins the ready
 * pages (or builds the file from the mirror) → blob URL → download → file complete (the command
 * waits for it, to report the name really written). Timed in the page around the command; the
 * worker's own measure of the wait for the file gives the moment the download started.
 */
export async function timeExport(lifeboat: LifeboatBrowser, kind: 'exportContacts' | 'exportCalendars', times: number, expected: number): Promise<ExportTiming> {
  let last: ExportResult | undefined;
  const startedRuns: number[] = [];
  const { median, runs: all } = await medianOf(times, async () => {
    const { ms, result } = await command(lifeboat, kind, {});
    last = result;
    startedRuns.push(ms - ((await workerMeasure(lifeboat, 'download-finished')) ?? 0));
    return ms;
  });
  if (last?.count !== expected) throw new Error(`${kind} exported ${last?.count} items, not ${expected}.`);
  return { ms: median, runs: all, startedRuns, count: last.count };
}

/**
 * Waits until the exports kept ready (schema 9, exporters/ready/) are built and fresh after the
 * last run, so the clicks measure what a person gets once a sync has ended; returns how long the
 * worker took to build each kind's pages (its "export-pages-<kind>" measure).
 */
export async function readyExports(lifeboat: LifeboatBrowser, timeoutMs = 10 * 60_000): Promise<{ contacts: number | null; calendars: number | null }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const fresh = await lifeboat.page.evaluate(
      () =>
        new Promise<boolean>((resolve, reject) => {
          const open = indexedDB.open('lifeboat');
          open.onerror = () => reject(open.error ?? new Error('IndexedDB did not open'));
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction(['exportLayouts', 'exportPages'], 'readonly');
            const layouts = tx.objectStore('exportLayouts').count();
            const pages = tx.objectStore('exportPages').getAll();
            tx.oncomplete = () => {
              db.close();
              resolve(layouts.result === 2 && (pages.result as Array<{ stale: boolean }>).every((page) => !page.stale));
            };
          };
        }),
    );
    if (fresh) return { contacts: await workerMeasure(lifeboat, 'export-pages-contacts'), calendars: await workerMeasure(lifeboat, 'export-pages-calendars') };
    if (Date.now() > deadline) throw new Error('The exports kept ready were not built in time.');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * The build alone, from command to blob ready: the message the worker sends the offscreen
 * document (already created by a full export), which reads the mirror, builds the file and
 * makes its blob URL. Timed in the options page; the blob is freed afterwards.
 */
export async function timeExportBuild(lifeboat: LifeboatBrowser, kind: ExportKind, times: number, expected: number): Promise<ExportTiming> {
  let count = -1;
  const { median, runs: all } = await medianOf(times, async () => {
    const { ms, built } = await lifeboat.page.evaluate(async (request) => {
      const start = performance.now();
      type Answer = { ok: true; result: OffscreenBuilt } | { ok: false; error: string };
      const answer = await chrome.runtime.sendMessage<OffscreenRequest, Answer>(request);
      const ms = performance.now() - start;
      if (answer.ok) await chrome.runtime.sendMessage({ target: 'offscreen', type: 'revoke', url: answer.result.url } satisfies OffscreenRequest);
      return { ms, built: answer };
    }, { target: 'offscreen', type: 'build', request: { type: 'export', kind, params: {} }, now: Date.now() } satisfies OffscreenRequest);
    if (!built.ok) throw new Error(`Building the ${kind} export failed: ${built.error}`);
    count = (built.result.result as ExportResult).count;
    return ms;
  });
  if (count !== expected) throw new Error(`The ${kind} export held ${count} items, not ${expected}.`);
  return { ms: median, runs: all, startedRuns: all, count };
}
