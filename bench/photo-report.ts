// The photo figures as a Markdown table, with the two targets: throughput at least 80% of the
// floor (listing the folders and a raw download of the same files), for small files and for
// phone-sized ones, and memory flat as the library grows (the peaks at the largest library of
// the sweep within a quarter of those at the smallest).
import { formatCount, formatMb, formatMs, markdownTable } from './format';
import { targetTable } from './table';
import type { TargetCheck } from './targets';
import type { PhotoResult } from './photo-mirror';

export const THROUGHPUT_TARGET = 0.8;
/** "Flat": the largest library's peak at most this many times the smallest's. */
export const FLAT_UP_TO = 1.25;

const formatBytes = (bytes: number): string => (bytes >= 2 ** 20 ? `${(bytes / 2 ** 20).toFixed(0)} MB` : `${formatCount(Math.round(bytes / 1024))} KB`);

const mbPerSecond = (bytes: number, ms: number): string => `${(bytes / 2 ** 20 / (ms / 1000)).toFixed(1)} MB/s`;

/** Growth from the smallest to the largest library of the sweep (photos of the first library's size). */
function flatness(results: PhotoResult[], pick: (r: PhotoResult) => number): { growth: number; met: boolean } | null {
  const sweep = results.filter((r) => r.photoBytes === results[0]?.photoBytes);
  const first = sweep[0];
  const last = sweep.at(-1);
  if (!first || !last || first === last) return null;
  const growth = pick(last) / pick(first);
  return { growth, met: growth <= FLAT_UP_TO };
}

/** The photo targets: throughput at every library, memory flat across the sweep. */
export function photoTargets(results: PhotoResult[]): TargetCheck[] {
  if (results.length === 0) return [];
  const worst = results.reduce((low, r) => (r.ratio < low.ratio ? r : low));
  const best = results.reduce((high, r) => (r.ratio > high.ratio ? r : high));
  const library = (r: PhotoResult): string => `${formatCount(r.photos)} × ${formatBytes(r.photoBytes)}`;
  const throughput = worst === best ? `${worst.ratio.toFixed(2)}` : `${worst.ratio.toFixed(2)} (${library(worst)}) to ${best.ratio.toFixed(2)} (${library(best)})`;
  const heap = flatness(results, (r) => r.workerHeapPeakBytes);
  const browser = flatness(results, (r) => r.browserMemoryPeakBytes);
  const growth = (f: typeof heap): string => (f ? `${f.growth.toFixed(2)}× from the smallest to the largest library` : 'one size only');
  return [
    { target: `Photos: throughput ≥ ${THROUGHPUT_TARGET} of the floor (list + raw download) at every library`, measured: throughput, met: worst.ratio >= THROUGHPUT_TARGET },
    { target: `Photos: worker live heap flat (growth ≤ ${FLAT_UP_TO}×)`, measured: growth(heap), met: heap?.met ?? null },
    { target: `Photos: browser memory flat (growth ≤ ${FLAT_UP_TO}×)`, measured: growth(browser), met: browser?.met ?? null },
  ];
}

export function renderPhotoReport(results: PhotoResult[], measuredAt: string): string {
  if (results.length === 0) return 'No photo libraries were measured.';
  const rows = results.map((r) => [
    `${formatCount(r.photos)} × ${formatBytes(r.photoBytes)} (${formatMb(r.totalBytes)})`,
    `${formatMs(r.floorListMs)} + ${formatMs(r.floorDownloadMs)} (${mbPerSecond(r.totalBytes, r.floorListMs + r.floorDownloadMs)})`,
    `${formatMs(r.mirrorMs)} (${mbPerSecond(r.totalBytes, r.mirrorMs)})`,
    `${r.ratio.toFixed(2)}`,
    formatMb(r.workerHeapPeakBytes),
    `${formatMb(r.browserMemoryPeakBytes)} (${formatMb(r.browserMemoryAtStartBytes)} before)`,
  ]);
  return [
    `Measured ${measuredAt} in headless Chromium with the built extension; rclone serve webdav on loopback.`,
    '',
    markdownTable(['Library', 'Floor in the worker: list + raw download', 'Lifeboat first mirror', 'Share of raw speed', 'Worker live JS heap peak (after GC)', 'Browser memory peak (PSS, all processes)'], rows),
    '',
    targetTable(photoTargets(results)),
  ].join('\n');
}
