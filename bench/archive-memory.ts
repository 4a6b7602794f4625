// The backup archive at photo-library scale: writes archives of several sizes whose "photos"
// are file-backed Blobs of random bytes (as photos from IndexedDB would be: Blobs, not
// strings), streamed to a file on disk, and samples the process's memory meanwhile. The
// archive writer must hold at most a few files at once: peak memory stays flat as the archive
// grows past 4 GB (Zip64). Then it verifies each archive (every SHA-256 re-read).
//
//   tsx bench/archive-memory.ts [--sizes-mb 256,1024,4608] [--out bench/archive-results.json]
import { closeSync, mkdtempSync, openAsBlob, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeArchive, type ArchiveFile } from '../src/archive/write-archive';
import { verifyArchive } from '../src/archive/verify-archive';
import { emptyCounts } from '../src/archive/archive-manifest';

const MB = 1024 * 1024;
const PHOTO_MB = 64;

export interface ArchiveMemoryResult {
  archiveMb: number;
  photos: number;
  writeSeconds: number;
  writeMbPerSecond: number;
  verifySeconds: number;
  verifyMbPerSecond: number;
  /** Peak resident memory and JavaScript heap while writing, above what the process held before. */
  peakRssMb: number;
  peakHeapMb: number;
  zip64: boolean;
  verified: boolean;
}

function argument(name: string, fallback: string): string {
  const index = process.argv.indexOf(name);
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback;
}

/** Samples memory every 50 ms until stopped; returns the peaks above the starting point. */
function sampleMemory(): () => { rssMb: number; heapMb: number } {
  const start = process.memoryUsage();
  let rss = start.rss;
  let heap = start.heapUsed;
  const timer = setInterval(() => {
    const now = process.memoryUsage();
    rss = Math.max(rss, now.rss);
    heap = Math.max(heap, now.heapUsed);
  }, 50);
  return () => {
    clearInterval(timer);
    return { rssMb: (rss - start.rss) / MB, heapMb: (heap - start.heapUsed) / MB };
  };
}

function* photos(source: Blob, count: number): Generator<ArchiveFile> {
  for (let n = 0; n < count; n++) {
    const month = String((n % 12) + 1).padStart(2, '0');
    yield {
      entry: { path: `photos/2024/${month}/IMG_${String(n).padStart(5, '0')}.jpg`, kind: 'photo', state: 'live', account: 'Bench', collection: 'Camera roll', counts: { ...emptyCounts(), photos: 1 } },
      data: source,
      compress: false,
    };
  }
}

/**
 * The archive on disk in parts of at most 2 GB, read back as one Blob made of them. Node 20's
 * fs.openAsBlob reports the size of a file beyond 4 GB modulo 2^32, so a single file-backed
 * Blob of a Zip64 archive would look truncated; browsers' File objects have no such limit.
 */
function partedFileSink(dir: string, name: string): { writable: WritableStream<Uint8Array>; paths: string[]; bytes: () => number } {
  const PART = 2 * 1024 * MB;
  const paths: string[] = [];
  let fd = -1;
  let inPart = PART;
  let total = 0;
  const writable = new WritableStream<Uint8Array>({
    write(chunk) {
      let offset = 0;
      while (offset < chunk.byteLength) {
        if (inPart === PART) {
          if (fd >= 0) closeSync(fd);
          paths.push(join(dir, `${name}.part${paths.length}`));
          fd = openSync(paths[paths.length - 1]!, 'w');
          inPart = 0;
        }
        const length = Math.min(chunk.byteLength - offset, PART - inPart);
        writeSync(fd, chunk, offset, length);
        offset += length;
        inPart += length;
        total += length;
      }
    },
    close() {
      if (fd >= 0) closeSync(fd);
    },
  });
  return { writable, paths, bytes: () => total };
}

async function measure(dir: string, source: Blob, archiveMb: number): Promise<ArchiveMemoryResult> {
  const count = Math.max(1, Math.round(archiveMb / PHOTO_MB));
  const sink = partedFileSink(dir, `archive-${archiveMb}.zip`);
  global.gc?.();
  const stop = sampleMemory();
  const started = performance.now();
  await writeArchive(photos(source, count), sink.writable, {
    createdAt: new Date(),
    asOf: null,
    generator: 'Lifeboat benchmark',
    accounts: [],
  });
  const writeSeconds = (performance.now() - started) / 1000;
  const peak = stop();
  const bytes = sink.bytes();
  const verifyStarted = performance.now();
  const report = await verifyArchive(new Blob(await Promise.all(sink.paths.map((path) => openAsBlob(path)))));
  const verifySeconds = (performance.now() - verifyStarted) / 1000;
  for (const path of sink.paths) rmSync(path);
  return {
    archiveMb: Math.round(bytes / MB),
    photos: count,
    writeSeconds: round(writeSeconds),
    writeMbPerSecond: round(bytes / MB / writeSeconds),
    verifySeconds: round(verifySeconds),
    verifyMbPerSecond: round(bytes / MB / verifySeconds),
    peakRssMb: round(peak.rssMb),
    peakHeapMb: round(peak.heapMb),
    zip64: bytes > 0xffffffff,
    verified: report.ok && report.verified === count,
  };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

export async function runArchiveMemory(sizesMb: number[]): Promise<ArchiveMemoryResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'lifeboat-archive-bench-'));
  try {
    const photoPath = join(dir, 'photo.jpg');
    writeFileSync(photoPath, randomBytes(PHOTO_MB * MB));
    const source = await openAsBlob(photoPath, { type: 'image/jpeg' });
    const results: ArchiveMemoryResult[] = [];
    for (const size of sizesMb) {
      const result = await measure(dir, source, size);
      results.push(result);
      console.log(
        `archive ${result.archiveMb} MB (${result.photos} photos): write ${result.writeMbPerSecond} MB/s, verify ${result.verifyMbPerSecond} MB/s, ` +
          `peak +${result.peakRssMb} MB RSS / +${result.peakHeapMb} MB heap, Zip64 ${result.zip64 ? 'yes' : 'no'}, verified ${result.verified ? 'yes' : 'NO'}`,
      );
    }
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = argument('--sizes-mb', '256,1024,4608').split(',').map(Number);
  const out = argument('--out', 'bench/archive-results.json');
  const results = await runArchiveMemory(sizes);
  writeFileSync(out, JSON.stringify({ measuredAt: new Date().toISOString(), results }, null, 2) + '\n');
  if (results.some((r) => !r.verified)) process.exitCode = 1;
}
