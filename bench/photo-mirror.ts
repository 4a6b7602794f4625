// Photo mirror throughput and memory: rclone serves N small JPEGs on loopback; the mirror
// (the real source, download, verify, EXIF and store code on Node with fake-indexeddb) is timed
// against a raw download of the same files with the same concurrency (4, the host limit). Memory
// is sampled during the mirror: the JavaScript heap minus the bytes fake-indexeddb itself keeps
// (in a browser those live on disk, in Node they stay in the process), so what is measured is
// what the mirror holds at once.
//
//   tsx bench/photo-mirror.ts [--counts 1000,10000] [--out bench/photo-results.json]
import 'fake-indexeddb/auto';
import { writeFileSync } from 'node:fs';
import { startWebdavFolder, makeJpeg } from '../test/harness';
import { LifeboatDb } from '../src/db/schema';
import { insertAccount } from '../src/db/accounts';
import { createPhotoFolderSource } from '../src/sources/webdav-photos/photo-folder-source';
import { syncPhotoFolder } from '../src/sync/photos/sync-photo-folder';

const arg = (name: string, fallback: string): string => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? (process.argv[at + 1] ?? fallback) : fallback;
};
const MB = 1024 * 1024;
const PHOTO_BYTES = 32 * 1024;

async function rawDownload(urls: string[], auth: string): Promise<number> {
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < urls.length) {
      const res = await fetch(urls[next++]!, { headers: { Authorization: auth } });
      await res.arrayBuffer();
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  return (performance.now() - started) / 1000;
}

async function measure(count: number) {
  const files: Record<string, Uint8Array> = {};
  for (let i = 0; i < count; i++) files[`${String(Math.floor(i / 500)).padStart(3, '0')}/IMG_${i}.jpg`] = makeJpeg({ padding: PHOTO_BYTES, seed: i });
  const server = await startWebdavFolder({ files });
  const auth = `Basic ${btoa(`${server.username}:${server.password}`)}`;
  const urls = Object.keys(files).map((path) => new URL(path, server.url).href);
  const bytes = Object.values(files).reduce((sum, f) => sum + f.byteLength, 0);
  const rawSeconds = await rawDownload(urls, auth);

  const db = new LifeboatDb(`bench-photos-${count}`);
  const account = await insertAccount(db, { id: 'bench', kind: 'webdav-photos', label: 'Bench', serverUrl: server.url, calendarServerUrl: null, services: [], username: server.username }, 0);
  const source = createPhotoFolderSource({ serverUrl: server.url, username: server.username, password: server.password });
  globalThis.gc?.();
  const base = process.memoryUsage();
  let peakHeap = 0;
  let peakRss = 0;
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    peakHeap = Math.max(peakHeap, now.heapUsed - base.heapUsed);
    peakRss = Math.max(peakRss, now.rss - base.rss);
  }, 20);
  const started = performance.now();
  const summary = await syncPhotoFolder({ db, source, now: Date.now }, account);
  const mirrorSeconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  await server.stop();
  db.close();
  return {
    photos: count,
    mb: Math.round((bytes / MB) * 10) / 10,
    outcome: summary.outcome,
    rawSeconds: Math.round(rawSeconds * 100) / 100,
    mirrorSeconds: Math.round(mirrorSeconds * 100) / 100,
    ratio: Math.round((rawSeconds / mirrorSeconds) * 100) / 100,
    peakHeapMb: Math.round((peakHeap / MB) * 10) / 10,
    peakRssMb: Math.round((peakRss / MB) * 10) / 10,
  };
}

const results = [];
for (const count of arg('counts', '1000,10000').split(',').map(Number)) results.push(await measure(count));
const out = { runtime: `Node ${process.version}, fake-indexeddb, rclone serve webdav on loopback`, photoBytes: PHOTO_BYTES, results };
console.log(JSON.stringify(out, null, 2));
writeFileSync(arg('out', 'bench/photo-results.json'), `${JSON.stringify(out, null, 2)}\n`);
process.exit(0);
