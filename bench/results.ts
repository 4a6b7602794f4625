// The shape of bench/results.json: every figure in ms (heap in bytes), with the single runs
// behind each median.
import type { Machine } from './machine';
import type { DataSize } from './generate-data';

export interface Figure {
  /** The median, or the one run. */
  value: number;
  runs: number[];
}

export interface SizeResult {
  size: DataSize;
  items: number;
  floor: { first: Figure; noChange: Figure; changes: Figure; firstRequests: number; firstBytes: number };
  lifeboat: {
    first: Figure;
    noChange: Figure;
    changes: Figure;
    /** Command to blob ready (the offscreen document's build). */
    exportVcf: Figure;
    exportIcs: Figure;
    /** The whole click: command to the worker, build, download started. */
    exportVcfWithDownload: Figure;
    exportIcsWithDownload: Figure;
    popup: Figure;
    heapPeakBytes: number;
    /** Items the sync after the upstream changes changed in the mirror (should be all of them). */
    changesSeen: number;
  };
  vdirsyncer: {
    discover: Figure;
    first: Figure;
    noChange: Figure;
    changes: Figure;
    /** Syncs that exited with an error and were run again (their time is counted). */
    retries: number;
  };
}

export interface BenchResults {
  measuredAt: string;
  plan: string;
  machine: Machine;
  sizes: SizeResult[];
}

export const once = (value: number): Figure => ({ value, runs: [value] });
export const fromMedian = (m: { median: number; runs: number[] }): Figure => ({ value: m.median, runs: m.runs });
