// Which counter a stored record adds to, and the counts of a whole mirror computed from its
// records: what the v7 upgrade starts the counters at, and what a test compares them with.
import type { Transaction } from 'dexie';
import type { CounterName, CounterRecord } from '../model/counter';
import type { ItemRecord } from '../model/item';
import type { PhotoRecord } from '../model/photo';

/** The tables whose records are counted; the counters middleware watches exactly these. */
export const COUNTED_TABLES = ['items', 'photos'] as const;
export type CountedTable = (typeof COUNTED_TABLES)[number];

export function bucketOf(table: CountedTable, record: Pick<ItemRecord, 'accountId' | 'live'> & { kind?: ItemRecord['kind'] }): CounterName {
  const state = record.live === 1 ? 'live' : 'deleted';
  return table === 'photos' ? `photo:${state}` : `${record.kind ?? 'contact'}:${state}`;
}

/** Per account, each bucket's change: what a write adds to the counters. */
export type CounterDeltas = Map<string, Map<CounterName, number>>;

export function addToDeltas(deltas: CounterDeltas, accountId: string, bucket: CounterName, by: number): void {
  const buckets = deltas.get(accountId) ?? new Map<CounterName, number>();
  buckets.set(bucket, (buckets.get(bucket) ?? 0) + by);
  deltas.set(accountId, buckets);
}

/** The counters of `records` counted one by one. */
export function countRecords(items: Iterable<Pick<ItemRecord, 'accountId' | 'kind' | 'live'>>, photos: Iterable<Pick<PhotoRecord, 'accountId' | 'live'>>): CounterRecord[] {
  const deltas: CounterDeltas = new Map();
  for (const item of items) addToDeltas(deltas, item.accountId, bucketOf('items', item), 1);
  for (const photo of photos) addToDeltas(deltas, photo.accountId, bucketOf('photos', photo), 1);
  return [...deltas].map(([accountId, buckets]) => ({ accountId, counts: Object.fromEntries(buckets) }));
}

/**
 * The upgrade to schema 7: counters computed once from the records. Reads the items' three
 * fields through a cursor rather than loading 20,000 raw texts at once.
 */
export async function seedCounters(tx: Transaction): Promise<void> {
  const items: Array<Pick<ItemRecord, 'accountId' | 'kind' | 'live'>> = [];
  await tx.table('items').each((item: ItemRecord) => {
    items.push({ accountId: item.accountId, kind: item.kind, live: item.live });
  });
  const photos = (await tx.table('photos').toArray()) as PhotoRecord[];
  await tx.table('counters').bulkPut(countRecords(items, photos));
}
