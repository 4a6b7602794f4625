// Reading what the mirror holds per account: one small record each, kept by
// counters-middleware.ts, so a page opens at the same speed with 20 items or 20,000.
import type { LifeboatDb } from './schema';
import type { CounterRecord } from '../model/counter';

export type Counts = CounterRecord['counts'];

/** Each account's counts (an account that holds nothing has no record: all 0). */
export async function readCounters(db: LifeboatDb, accountIds: string[]): Promise<Counts[]> {
  const rows = await db.counters.bulkGet(accountIds);
  return rows.map((row) => row?.counts ?? {});
}
