// How many items to ask for in the next fetch. A fixed count is wrong both ways: 100 plain
// contacts are 150 KB (a request's fixed cost dominates), 100 contacts with 50 KB photos are
// 5 MB. So the first batch is modest, and every later one is sized from the bytes per item seen
// so far, aiming at a response of about 1 MB: large enough that the round trip is a small share,
// small enough that the few batches held at once (fetch-ahead.ts) keep memory bounded.
import { isFailure, type RemoteItem, type RemoteItemFailure } from '../model/source';

export interface BatchSizerOptions {
  /** Items in a batch asked before any answer arrived. */
  first: number;
  /** Bytes of item text one answer should carry. */
  targetBytes: number;
  min: number;
  max: number;
}

/**
 * 1 MB an answer: the bench's floor runs as fast with batches of 100 as of 1,000 on Radicale,
 * so a smaller answer costs little time, while the worker held up to nine of them at once
 * (three collections, two fetched ahead and one being stored, each parsed) before the run's
 * answer budget (answer-budget.ts) bounded them to about six. In a 21,000-item
 * first mirror the worker's heap peaked at 127 MB with 4 MB answers and 65 to 67 MB with 1.5 MB
 * (108 MB in a third run); 0.5 MB answers brought it to 50 to 60 MB but made the mirror up to
 * 38% slower in three runs of four; 1 MB gave 61 MB as fast as the build before either change (one run).
 */
export const DEFAULT_BATCH_SIZING: BatchSizerOptions = { first: 50, targetBytes: 1024 * 1024, min: 10, max: 1000 };

export interface BatchSizer {
  /** The href count for the next batch. */
  next(): number;
  /** What a batch brought back, to size the following ones. */
  saw(results: ReadonlyArray<RemoteItem | RemoteItemFailure>): void;
  /** What an answer of `count` items is expected to weigh, in bytes of item text (answer-budget.ts). */
  expectedBytes(count: number): number;
}

/** The bytes of item text an answer carried (UTF-16 length standing in for bytes, as below). */
export function answerBytes(results: ReadonlyArray<RemoteItem | RemoteItemFailure>): number {
  let bytes = 0;
  for (const result of results) if (!isFailure(result)) bytes += result.data.length;
  return bytes;
}

/** The bytes per item seen so far, to estimate the next answer before it is asked. */
function bytesPerItemSeen() {
  let items = 0;
  let bytes = 0;
  return {
    items: () => items,
    perItem: () => Math.max(1, bytes / Math.max(1, items)),
    saw: (results: ReadonlyArray<RemoteItem | RemoteItemFailure>): void => {
      items += results.filter((result) => !isFailure(result)).length;
      bytes += answerBytes(results);
    },
  };
}

export function batchSizer(options: BatchSizerOptions = DEFAULT_BATCH_SIZING): BatchSizer {
  const seen = bytesPerItemSeen();
  return {
    next() {
      if (seen.items() === 0) return options.first;
      // UTF-16 length stands in for bytes: close enough for plain-ASCII vCard and iCalendar.
      return Math.min(options.max, Math.max(options.min, Math.floor(options.targetBytes / seen.perItem())));
    },
    saw: seen.saw,
    // Before any answer, the first batch is expected to be a whole answer's worth.
    expectedBytes: (count) => (seen.items() === 0 ? options.targetBytes : count * seen.perItem()),
  };
}

/** A sizer that always answers `size` (a caller that fixed the batch size). */
export function fixedBatchSizer(size: number): BatchSizer {
  const count = Math.max(1, Math.floor(size));
  const seen = bytesPerItemSeen();
  return { next: () => count, saw: seen.saw, expectedBytes: (n) => (seen.items() === 0 ? 0 : n * seen.perItem()) };
}
