// The progress a run writes for the pages: across every collection of the account (address
// books, then calendars), never going backwards, and written at most every few hundred
// milliseconds, since each write is an IndexedDB transaction and a live query in every open page.
import type { RunProgress } from '../model/account';

export interface ProgressReporterParams {
  write: (progress: RunProgress) => Promise<void>;
  clock?: () => number;
  /** Least time between two writes; a new phase or collection is written at once. */
  minIntervalMs?: number;
}

export interface ProgressReporter {
  update(progress: RunProgress): Promise<void>;
  /** What the pages were last told (for tests and the end of the run). */
  readonly shown: RunProgress | null;
}

export const PROGRESS_INTERVAL_MS = 250;

export function progressReporter({ write, clock = Date.now, minIntervalMs = PROGRESS_INTERVAL_MS }: ProgressReporterParams): ProgressReporter {
  let shown: RunProgress | null = null;
  let latest: RunProgress = { done: 0, total: 0 };
  let writtenAt = -Infinity;
  return {
    get shown() {
      return shown;
    },
    async update(next) {
      // Counts only grow: a total that shrank would read as work undone.
      const done = Math.max(latest.done, next.done);
      latest = {
        ...next,
        done,
        total: Math.max(latest.total, next.total, done),
        ...(next.collectionsListed !== undefined ? { collectionsListed: Math.max(latest.collectionsListed ?? 0, next.collectionsListed) } : {}),
      };
      const moved = shown === null || latest.phase !== shown.phase || latest.collectionsListed !== shown.collectionsListed;
      const now = clock();
      if (!moved && now - writtenAt < minIntervalMs) return;
      writtenAt = now;
      shown = latest;
      await write(latest);
    },
  };
}
