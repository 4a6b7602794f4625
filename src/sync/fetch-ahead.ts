// The fetches of one collection, pipelined: while batch N is read and written, batch N+1 (and
// at most `depth` batches in all) is already on the wire. Batches are handed over strictly in
// the order they were asked for, so the engine stores them in listing order and its
// checkpoints mean what they meant before (a cursor is saved only after everything listed
// before it is stored). At most `depth` fetched batches wait in memory besides the one being
// written. The number of requests a host sees at once is bounded below, by http/host-limiter.ts.
import type { RemoteItem, RemoteItemFailure } from '../model/source';
import type { BatchSizer } from './batch-sizer';

export interface FetchedBatch {
  requested: string[];
  results: Array<RemoteItem | RemoteItemFailure>;
}

export interface FetchAheadOptions {
  sizer: BatchSizer;
  /** Batches fetched at once; 1 is the old strictly sequential engine. */
  depth: number;
}

/** Batches fetched in flight at once per collection. */
export const DEFAULT_FETCH_DEPTH = 2;

export async function* fetchAhead(
  hrefs: readonly string[],
  fetch: (hrefs: string[]) => Promise<Array<RemoteItem | RemoteItemFailure>>,
  { sizer, depth }: FetchAheadOptions,
): AsyncGenerator<FetchedBatch> {
  const queue: Array<Promise<FetchedBatch>> = [];
  let start = 0;
  const launch = (): void => {
    const requested = hrefs.slice(start, start + sizer.next());
    start += requested.length;
    const batch = fetch(requested).then((results) => {
      sizer.saw(results);
      return { requested, results };
    });
    // A batch still in flight when an earlier one failed is never awaited: no unhandled rejection.
    batch.catch(() => undefined);
    queue.push(batch);
  };
  try {
    const fill = (): void => {
      while (start < hrefs.length && queue.length < Math.max(1, depth)) launch();
    };
    fill();
    while (queue.length > 0) {
      const batch = await queue.shift()!;
      // Refilled before the batch is handed over: the next ones download while it is written.
      fill();
      yield batch;
    }
  } finally {
    // Whatever is still in flight finishes on its own; its results are dropped.
    queue.length = 0;
  }
}
