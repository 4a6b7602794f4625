// Photo mirror throughput and memory, in Chromium with the built extension, as a person runs
// it. rclone serves N JPEGs (with EXIF) from a folder on loopback. First the floor: the folders
// listed and every file downloaded raw from inside the extension's service worker (see
// floorInWorker), then the photo folder is added and its first mirror runs
// (listing, download, hashing, EXIF, IndexedDB), timed by the engine's own run record. While it
// runs, the worker's JS heap (DevTools protocol) and the whole browser's memory (PSS of every
// Chromium process) are sampled, so that the peaks can be compared across library sizes.
import { sampleWorkerHeap } from './worker-heap';
import { groupPssBytes, sampleGroupMemory } from './process-memory';
import { groupCpuMs } from './process-cpu';
import { command, runDuration, startLifeboat, waitForRuns, type LifeboatBrowser } from './lifeboat-browser';
import { countStore } from '../test/browser/extension-db';
import { makeJpeg, startWebdavFolder } from '../test/harness';

export interface PhotoResult {
  photos: number;
  photoBytes: number;
  totalBytes: number;
  /** The floor in the worker: listing every folder, then a raw download of every file, ms. */
  floorListMs: number;
  floorDownloadMs: number;
  /** The first mirror's run, as the engine recorded it, ms. */
  mirrorMs: number;
  /** Floor ÷ mirror: the share of raw speed the mirror reaches. */
  ratio: number;
  /** The storing floor's download-and-store time (its listing is the floor's), when measured. */
  storingFloorMs: number | null;
  /** CPU milliseconds of every Chromium process during the floor, the storing floor (when measured) and the mirror. */
  floorCpuMs: number;
  storingFloorCpuMs: number | null;
  mirrorCpuMs: number;
  /** The worker's live JS heap (after a collection), sampled every second: its peak. */
  workerHeapPeakBytes: number;
  browserMemoryPeakBytes: number;
  browserMemoryAtStartBytes: number;
}

const PER_FOLDER = 500;
const DOWNLOADS_AT_ONCE = 4;

function photoPath(i: number): string {
  return `${String(Math.floor(i / PER_FOLDER)).padStart(3, '0')}/IMG_${String(i).padStart(5, '0')}.jpg`;
}

function takenAt(i: number): string {
  const month = String((i % 12) + 1).padStart(2, '0');
  return `${2015 + (i % 10)}:${month}:15 12:00:00`;
}

const PROPFIND_BODY = '<?xml version="1.0" encoding="utf-8"?><D:propfind xmlns:D="DAV:"><D:prop><D:resourcetype/><D:getetag/><D:getcontentlength/></D:prop></D:propfind>';

/**
 * The floor, from inside the worker: what any client must do for a first mirror of the folder.
 * A PROPFIND Depth 1 of the folder and of each sub-folder (asking for ETag and size), then a GET
 * of every file with its body read to the end, 4 at a time: the host limit the mirror uses too.
 */
async function floorInWorker(lifeboat: LifeboatBrowser, folders: string[], urls: string[], authorization: string): Promise<{ listMs: number; downloadMs: number }> {
  const worker = await lifeboat.ext.serviceWorker();
  // No named inner functions: the evaluated source must not refer to tsx's __name helper.
  return worker.evaluate(
    async ({ folders, urls, authorization, atOnce, body }) => {
      const started = performance.now();
      let next = 0;
      await Promise.all(
        Array.from({ length: atOnce }, async () => {
          while (next < folders.length) {
            const res = await fetch(folders[next++]!, { method: 'PROPFIND', headers: { Authorization: authorization, Depth: '1', 'Content-Type': 'application/xml' }, body });
            if (res.status !== 207) throw new Error(`PROPFIND answered ${res.status}`);
            await res.text();
          }
        }),
      );
      const listed = performance.now();
      next = 0;
      let bytes = 0;
      await Promise.all(
        Array.from({ length: atOnce }, async () => {
          while (next < urls.length) {
            const res = await fetch(urls[next++]!, { headers: { Authorization: authorization } });
            bytes += (await res.arrayBuffer()).byteLength;
          }
        }),
      );
      if (bytes === 0) throw new Error('The raw download read nothing.');
      return { listMs: listed - started, downloadMs: performance.now() - listed };
    },
    { folders, urls, authorization, atOnce: DOWNLOADS_AT_ONCE, body: PROPFIND_BODY },
  );
}

/**
 * The storing floor, from inside the worker: the floor's downloads, each file's bytes then put
 * into an IndexedDB store of the floor's own, 32 files to a transaction written behind the
 * downloads, which wait while 32 MB wait to be written: what keeping the bytes costs any
 * extension, with the mirror's batching and memory bound but none of its checks, records or
 * EXIF. The listing is the floor's (not repeated). Returns the download-and-store time.
 */
async function storingFloorInWorker(lifeboat: LifeboatBrowser, urls: string[], authorization: string): Promise<number> {
  const worker = await lifeboat.ext.serviceWorker();
  // No named inner functions: the evaluated source must not refer to tsx's __name helper.
  return worker.evaluate(
    async ({ urls, authorization, atOnce, perTransaction, maxWaiting, name }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name, 1);
        open.addEventListener('upgradeneeded', () => open.result.createObjectStore('files'));
        open.addEventListener('success', () => resolve(open.result));
        open.addEventListener('error', () => reject(open.error ?? new Error('The storing floor could not open its database.')));
      });
      const started = performance.now();
      const state = { next: 0, inFlight: 0, waiting: 0, pending: [] as Array<[string, Uint8Array]>, writing: Promise.resolve() };
      await Promise.all(
        Array.from({ length: atOnce }, async () => {
          while (state.next < urls.length) {
            const url = urls[state.next++]!;
            state.inFlight++;
            const res = await fetch(url, { headers: { Authorization: authorization } });
            const bytes = new Uint8Array(await res.arrayBuffer());
            state.inFlight--;
            state.pending.push([url, bytes]);
            state.waiting += bytes.byteLength;
            if (state.pending.length >= perTransaction || (state.next >= urls.length && state.inFlight === 0)) {
              const batch = state.pending;
              state.pending = [];
              state.writing = state.writing.then(
                () =>
                  new Promise<void>((resolve, reject) => {
                    const tx = db.transaction('files', 'readwrite');
                    for (const [key, value] of batch) tx.objectStore('files').put(value, key);
                    tx.addEventListener('complete', () => {
                      state.waiting -= batch.reduce((sum, [, value]) => sum + value.byteLength, 0);
                      resolve();
                    });
                    tx.addEventListener('error', () => reject(tx.error ?? new Error('The storing floor could not write.')));
                  }),
              );
            }
            while (state.waiting >= maxWaiting) await state.writing;
          }
        }),
      );
      await state.writing;
      const ms = performance.now() - started;
      db.close();
      indexedDB.deleteDatabase(name);
      return ms;
    },
    { urls, authorization, atOnce: DOWNLOADS_AT_ONCE, perTransaction: 32, maxWaiting: 32 * 1024 * 1024, name: 'bench-storing-floor' },
  );
}

/** How often the run records are read: the time measured is the engine's own, so rarely is enough. */
const RUN_POLL_MS = 1000;
const SAMPLE_EVERY_MS = 1000;

/** The worker's live heap and the browser's memory, sampled until `stop`, with their peaks. */
async function startSampling(lifeboat: LifeboatBrowser): Promise<{ stop(): Promise<{ workerHeapPeakBytes: number; browserMemoryPeakBytes: number }> }> {
  const heap = await sampleWorkerHeap(lifeboat.ext.browser, lifeboat.ext.extensionId, { intervalMs: SAMPLE_EVERY_MS, liveOnly: true });
  const memory = sampleGroupMemory(lifeboat.ext.processGroup, SAMPLE_EVERY_MS);
  return {
    async stop() {
      const { peakBytes: workerHeapPeakBytes } = await heap.stop();
      const { peakBytes: browserMemoryPeakBytes } = memory.stop();
      return { workerHeapPeakBytes, browserMemoryPeakBytes };
    },
  };
}

/** The phases of a photo measurement: the floor's downloads, the storing floor's, Lifeboat's mirror. */
export type PhotoPhase = 'floor' | 'storing' | 'mirror';

export interface PhotoMirrorOptions {
  /** The build to load: `dist` unless another is compared with it. */
  dist?: string;
  /**
   * Started just before the floor, the storing floor (when measured) and the mirror, with the
   * browser; what it returns is awaited when that phase has ended: a profiler around each phase.
   */
  around?: (lifeboat: LifeboatBrowser, phase: PhotoPhase) => Promise<() => Promise<void>>;
  /** Also measure the storing floor (storingFloorInWorker), after the floor. */
  storingFloor?: boolean;
}

export async function measurePhotoMirror(count: number, photoBytes: number, timeoutMs: number, { dist = 'dist', around, storingFloor = false }: PhotoMirrorOptions = {}): Promise<PhotoResult> {
  const server = await startWebdavFolder();
  const lifeboat = await startLifeboat(dist);
  try {
    let totalBytes = 0;
    for (let i = 0; i < count; i++) {
      const jpeg = makeJpeg({ seed: i, takenAt: takenAt(i), padding: photoBytes });
      totalBytes += jpeg.byteLength;
      await server.put(photoPath(i), jpeg);
    }
    const urls = Array.from({ length: count }, (_, i) => new URL(photoPath(i), server.url).href);
    const folders = [server.url, ...new Set(urls.map((url) => new URL('./', url).href))];
    // The sampling runs during the floor too: it costs CPU (a collection in the worker, reading
    // every process's memory), and on a small machine that must weigh on both sides alike.
    const floorSampling = await startSampling(lifeboat);
    const floorEnded = await around?.(lifeboat, 'floor');
    const floorCpu0 = groupCpuMs(lifeboat.ext.processGroup);
    const authorization = `Basic ${btoa(`${server.username}:${server.password}`)}`;
    const floor = await floorInWorker(lifeboat, folders, urls, authorization);
    const floorCpuMs = groupCpuMs(lifeboat.ext.processGroup) - floorCpu0;
    await floorEnded?.();
    const storingEnded = storingFloor ? await around?.(lifeboat, 'storing') : undefined;
    const storingCpu0 = groupCpuMs(lifeboat.ext.processGroup);
    const storingFloorMs = storingFloor ? Math.round(await storingFloorInWorker(lifeboat, urls, authorization)) : null;
    const storingFloorCpuMs = storingFloor ? Math.round(groupCpuMs(lifeboat.ext.processGroup) - storingCpu0) : null;
    await storingEnded?.();
    await floorSampling.stop();

    const atStart = groupPssBytes(lifeboat.ext.processGroup);
    const sampling = await startSampling(lifeboat);
    const ended = await around?.(lifeboat, 'mirror');
    const mirrorCpu0 = groupCpuMs(lifeboat.ext.processGroup);
    await command(lifeboat, 'addPhotoFolder', { label: 'Bench photos', folderUrl: server.url, username: server.username, password: server.password });
    const run = await waitForRuns(lifeboat, 1, timeoutMs, RUN_POLL_MS);
    const mirrorCpuMs = groupCpuMs(lifeboat.ext.processGroup) - mirrorCpu0;
    await ended?.();
    const { workerHeapPeakBytes, browserMemoryPeakBytes } = await sampling.stop();
    const mirrorMs = runDuration(run);
    const stored = await countStore(lifeboat.page, 'photos');
    if (stored !== count) throw new Error(`Lifeboat mirrored ${stored} photos, not ${count}.`);
    return {
      photos: count,
      photoBytes,
      totalBytes,
      floorListMs: Math.round(floor.listMs),
      floorDownloadMs: Math.round(floor.downloadMs),
      mirrorMs,
      ratio: Math.round(((floor.listMs + floor.downloadMs) / mirrorMs) * 100) / 100,
      storingFloorMs,
      storingFloorCpuMs,
      floorCpuMs: Math.round(floorCpuMs),
      mirrorCpuMs: Math.round(mirrorCpuMs),
      workerHeapPeakBytes,
      browserMemoryPeakBytes,
      browserMemoryAtStartBytes: atStart,
    };
  } finally {
    await lifeboat.close();
    await server.stop();
  }
}
