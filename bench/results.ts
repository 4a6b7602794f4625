// The shape of bench/results.json: every figure in ms (heap in bytes), with the single runs
// behind each median.
import type { Settled } from './disk-settled';
import type { ServerName } from './bench-server';
import type { Machine } from './machine';
import type { DataSize } from './generate-data';
import { median } from './timing';

export interface Figure {
  /** The median of the runs. */
  value: number;
  runs: number[];
}

/** One way the floor fetched the first mirror, timed once to pick the cheapest. */
export interface FloorCandidate {
  batch: number | 'all';
  inFlight: number;
  ms: number;
  pattern: string;
}

export interface SizeResult {
  size: DataSize;
  items: number;
  floor: {
    first: Figure;
    noChange: Figure;
    changes: Figure;
    /** The requests of each figure, e.g. "sync-collection ×3 + multiget 3×10000, 3 in flight". */
    firstPattern: string;
    noChangePattern: string;
    changesPattern: string;
    /** The batchings tried; the cheapest is the one measured for `first`. */
    candidates: FloorCandidate[];
    firstRequests: number;
    firstBytes: number;
  };
  lifeboat: {
    first: Figure;
    noChange: Figure;
    changes: Figure;
    /** Items each sync after the upstream changes changed in the mirror (should be all of them). */
    changesSeen: number[];
    /** Command to blob ready (the offscreen document's build). */
    exportVcf: Figure;
    exportIcs: Figure;
    /** The whole click: command to the worker, build, download, file complete ("click to file"). */
    exportVcfWithDownload: Figure;
    exportIcsWithDownload: Figure;
    /** The .vcf clicked right after the mirror and its ready pages, before the disk settled (disk-settled.ts). */
    exportVcfRightAfterMirror?: Figure;
    /** The wait for the disk before the judged clicks. */
    clicksSettled?: Settled;
    /** The same clicks up to the download's start (the file complete minus the worker's wait for it). */
    exportVcfStarted?: Figure;
    exportIcsStarted?: Figure;
    /** The ready pages' first build after the first mirror, in the background (exporters/ready/). */
    readyPagesBuild?: { contacts: number | null; calendars: number | null };
    /** Popup: first paint (null until the popup marks it), and its counts shown. */
    popupFirstPaint: Figure | null;
    popupCountsShown: Figure;
    heapPeakBytes: Figure;
  };
  /** null where vdirsyncer was not run: the 100,000-contact point, measured for growth only. */
  vdirsyncer: {
    discover: Figure;
    first: Figure;
    noChange: Figure;
    changes: Figure;
    /** Syncs that exited with an error and were run again (their time is counted). */
    retries: number;
  } | null;
}

export interface ServerResults {
  server: ServerName;
  sizes: SizeResult[];
  /** When this server's figures were measured, with the load average then (a run of one `--server` keeps the other's). */
  measuredAt?: string;
  load15?: number;
  /** The 1-minute load average as this server's part began: above ~1, other work was running. */
  loadAtStart?: number;
}

/** The "as a person sees it": Add account → popup showing the count, against vdirsyncer. */
export interface SideBySideResult {
  server: ServerName;
  contacts: number;
  /** From the click on "Add account" in the options page to the popup showing every contact. */
  lifeboat: Figure;
  /** `vdirsyncer sync` after `discover` (the ratio's figure), and `discover` apart. */
  vdirsyncer: Figure;
  vdirsyncerDiscover: Figure;
  /**
   * The cheapest request pattern for the same contacts on the same server (floor-figures.ts),
   * measured in each round beside the two clients: no client can mirror them faster, so
   * vdirsyncer ÷ floor is the most any client can show against vdirsyncer on this machine.
   */
  floor?: Figure;
  floorPattern?: string;
  /** The one-minute load average at the start of each round. */
  loads?: number[];
  /** CPU each side spent (medians over the rounds): the server's process, and the client's. */
  cpu?: Record<'lifeboat' | 'vdirsyncer' | 'floor', CpuSplit>;
}

/** CPU milliseconds spent during one client's first mirror, by the server and by the client. */
export interface CpuSplit {
  server: number;
  client: number;
}

export interface BenchResults {
  measuredAt: string;
  plan: string;
  machine: Machine;
  servers: ServerResults[];
  sideBySide: SideBySideResult | null;
}

export const figure = (runs: number[]): Figure => ({ value: median(runs), runs });

/** Runs `task` `times` times one after another and keeps every result. */
export async function repeat<T>(times: number, task: (round: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let round = 0; round < times; round++) results.push(await task(round));
  return results;
}
