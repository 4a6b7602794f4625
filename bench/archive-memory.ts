// The backup archive at photo-library scale: writes archives of several sizes whose "photos"
// are file-backed Blobs of random bytes (as photos from IndexedDB would be: Blobs, not
// strings), streamed to a file on disk, and samples the process's memory meanwhile. The
// archive writer must hold at most a few files at once: peak memory stays flat as the archive
// grows past 4 GB (Zip64). Then it verifies each archive (every SHA-256 re-read).
//
//   tsx bench/archive-memory.ts [--sizes-mb 256,1024,4608] [--out bench/archive-results.json]
import { closeSync, createWriteStream, fstatSync, mkdtempSync, openAsBlob, openSync, readSync, rmSync, writeFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeArchive, type ArchiveFile } from '../src/archive/write-archive';
import { verifyArchive } from '../src/archive/verify-archive';
import { emptyCounts } from '../src/archive/archive-manifest';
import { Reader } from '../src/archive/zip';

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
 * A file on disk as zip.js reads it: Node 20's Blob cannot exceed 4 GB (and fs.openAsBlob
 * reports a larger file's size modulo 2^32), so a Zip64 archive is read by byte ranges here.
 * Browsers' File objects have no such limit; the extension hands verify the File itself.
 */
class FileRangeReader extends Reader<string> {
  private readonly fd: number;

  constructor(path: string) {
    super(path);
    this.fd = openSync(path, 'r');
    this.size = fstatSync(this.fd).size;
  }

  override readUint8Array(offset: number, length: number): Promise<Uint8Array> {
    const buffer = new Uint8Array(length);
    let done = 0;
    while (done < length) done += readSync(this.fd, buffer, done, length - done, offset + done) || length;
    return Promise.resolve(buffer);
  }

  close(): void {
    closeSync(this.fd);
  }
}

async function measure(dir: string, source: Blob, archiveMb: number): Promise<ArchiveMemoryResult> {
  const count = Math.max(1, Math.round(archiveMb / PHOTO_MB));
  const path = join(dir, `archive-${archiveMb}.zip`);
  global.gc?.();
  const stop = sampleMemory();
  const started = performance.now();
  await writeArchive(photos(source, count), Writable.toWeb(createWriteStream(path)) as WritableStream<Uint8Array>, {
    createdAt: new Date(),
    asOf: null,
    generator: 'Lifeboat benchmark',
    accounts: [],
  });
  const writeSeconds = (performance.now() - started) / 1000;
  const peak = stop();
  const file = new FileRangeReader(path);
  const bytes = file.size;
  const verifyStarted = performance.now();
  const report = await verifyArchive(file);
  const verifySeconds = (performance.now() - verifyStarted) / 1000;
  file.close();
  rmSync(path);
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
