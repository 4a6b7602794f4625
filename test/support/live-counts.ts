// How many items of each kind a mirror holds live, and how many are kept as deleted upstream.
import type { LifeboatDb } from '../../src/db/schema';

export async function countLive(db: LifeboatDb): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const item of await db.items.toArray()) {
    const key = item.live === 1 ? item.kind : 'deleted';
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}
