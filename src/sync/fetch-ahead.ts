// The fetches of one collection, pipelined: while batch N is read and written, batch N+1 (and
// at most `depth` batches in all) is already on the wire. Batches are handed over strictly in
// the order they were asked for, so the engine stores them in listing order and its
// checkpoints mean what they meant before (a cursor is saved only after everything listed
// before it is stored). At most `depth` fetched batches wait in memory besides the one being
// written, and fewer when the run's answer budget (answer-budget.ts), shared with the
// collections mirrored beside this one, is spent: a batch is launched only once its expected
// bytes are granted, and they are given back when the batch is written. The number of requests
// a host sees at once is bounded below, by http/host-limiter.ts.
import type { RemoteItem, RemoteItemFailure } from '../model/source';
import { answerBytes, type BatchSizer } from './batch-sizer';
import { unboundedBudget, type AnswerBudget, type AnswerGrant } from './answer-budget';

export interface FetchedBatch {
  requested: string[];
  results: Array<RemoteItem | RemoteItemFailure>;
}

export interface FetchAheadOptions {
  sizer: BatchSizer;
  /** Batches fetched at once; 1 is the old strictly sequential engine. */
  depth: number;
  /** The run's bytes for answers held at once; unset, only `depth` bounds them. */
  budget?: AnswerBudget;
}

/** Batches fetched in flight at once per collection. */
export const DEFAULT_FETCH_DEPTH = 2;

interface Launched {
  batch: FetchedBatch;
  grant: AnswerGrant;
}

export async function* fetchAhead(
  hrefs: readonly string[],
  fetch: (hrefs: string[]) => Promise<Array<RemoteItem | RemoteItemFailure>>,
  { sizer, depth, budget = unboundedBudget() }: FetchAheadOptions,
): AsyncGenerator<FetchedBatch> {
  const queue: Array<Promise<Launched>> = [];
  let start = 0;
  let closed = false;
  const launch = (): void => {
    const requested = hrefs.slice(start, start + sizer.next());
    start += requested.length;
    const launched = (async (): Promise<Launched> => {
      const grant = await budget.take(sizer.expectedBytes(requested.length));
      // Granted after the consumer stopped: nothing will write it, so nothing is held.
      if (closed) {
        grant.release();
        throw new Error('fetch-ahead closed');
      }
      try {
        const results = await fetch(requested);
        sizer.saw(results);
        grant.resize(answerBytes(results));
        return { batch: { requested, results }, grant };
      } catch (error) {
        grant.release();
        throw error;
      }
    })();
    // A batch still in flight when an earlier one failed is never awaited: no unhandled rejection.
    launched.catch(() => undefined);
    queue.push(launched);
  };
  try {
    const fill = (): void => {
      while (start < hrefs.length && queue.length < Math.max(1, depth)) launch();
    };
    fill();
    while (queue.length > 0) {
      const { batch, grant } = await queue.shift()!;
      // Refilled before the batch is handed over: the next ones download while it is written.
      fill();
      try {
        yield batch;
      } finally {
        // The consumer asked for the next batch (this one is written) or stopped.
        grant.release();
      }
    }
  } finally {
    // Whatever is still in flight finishes on its own; its results are dropped, its bytes given back.
    closed = true;
    for (const launched of queue.splice(0)) launched.then(({ grant }) => grant.release(), () => undefined);
  }
}
