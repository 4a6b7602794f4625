// What the mirror holds per account, kept as running counts (the `counters` table) so a page
// reads one small record per account instead of counting index ranges.
import type { ItemKind } from './item';

/** A bucket: items of a kind, or photos, live or kept as deleted upstream. */
export type CounterName = `${ItemKind | 'photo'}:${'live' | 'deleted'}`;

export interface CounterRecord {
  accountId: string;
  /** Absent buckets are 0. A record whose buckets are all 0 is removed. */
  counts: Partial<Record<CounterName, number>>;
}

/**
 * What one address book or calendar holds, kept like the account's counters: read by a sync run
 * (planning, the wipe judgment, the run's end) instead of walking the collection's index.
 */
export interface CollectionCountRecord {
  collectionId: string;
  /** Items served now. */
  live: number;
  /** Items kept as deleted upstream. A record whose counts are both 0 is removed. */
  deleted: number;
}

/** The sum of some buckets of an account's counts (absent buckets are 0). */
export function countOf(counts: CounterRecord['counts'], ...buckets: CounterName[]): number {
  return buckets.reduce((sum, bucket) => sum + (counts[bucket] ?? 0), 0);
}
