// Photo mirror throughput and memory, in Chromium with the built extension, as a person runs
// it. rclone serves N JPEGs (with EXIF) from a folder on loopback. First the floor: the folders
// listed and every file downloaded raw from inside the extension's service worker (see
// floorInWorker), then the photo folder is added and its first mirror runs
// (listing, download, hashing, EXIF, IndexedDB), timed by the engine's own run record. While it
// runs, the worker's JS heap (DevTools protocol) and the whole browser's memory (PSS of every
// Chromium process) are sampled, so that the peaks can be compared across library sizes.
import { sampleWorkerHeap } from './worker-heap';
import { groupPssBytes, sampleGroupMemory } from './process-memory';
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

export async function measurePhotoMirror(count: number, photoBytes: number, timeoutMs: number): Promise<PhotoResult> {
  const server = await startWebdavFolder();
  const lifeboat = await startLifeboat();
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
    const floor = await floorInWorker(lifeboat, folders, urls, `Basic ${btoa(`${server.username}:${server.password}`)}`);
    await floorSampling.stop();

    const atStart = groupPssBytes(lifeboat.ext.processGroup);
    const sampling = await startSampling(lifeboat);
    await command(lifeboat, 'addPhotoFolder', { label: 'Bench photos', folderUrl: server.url, username: server.username, password: server.password });
    const run = await waitForRuns(lifeboat, 1, timeoutMs, RUN_POLL_MS);
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
      workerHeapPeakBytes,
      browserMemoryPeakBytes,
      browserMemoryAtStartBytes: atStart,
    };
  } finally {
    await lifeboat.close();
    await server.stop();
  }
}
