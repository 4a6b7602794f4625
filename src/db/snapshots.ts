// The record of snapshot archives on disk: which exist, when the next is due, which to remove.
import type { LifeboatDb } from './schema';
import type { SnapshotRecord } from '../model/snapshot';
import type { Settings } from '../model/settings';

const DAY_MS = 24 * 60 * 60 * 1000;

export async function recordSnapshot(db: LifeboatDb, snapshot: Omit<SnapshotRecord, 'id'>): Promise<number> {
  return (await db.snapshots.add(snapshot))!;
}

/** Snapshots still on disk, newest first. */
export async function keptSnapshots(db: LifeboatDb): Promise<SnapshotRecord[]> {
  const all = await db.snapshots.orderBy('createdAt').reverse().toArray();
  return all.filter((s) => s.outcome === 'saved' && s.removedAt === null);
}

/** Whether a scheduled snapshot is due: snapshots are on, and none was saved within the period. */
export function snapshotDue(settings: Settings, newest: SnapshotRecord | undefined, now: number): boolean {
  if (settings.snapshotEveryDays <= 0) return false;
  return newest === undefined || now - newest.createdAt >= settings.snapshotEveryDays * DAY_MS;
}

/** The saved snapshots beyond the newest `keep`, to remove from disk. */
export function snapshotsBeyond(kept: SnapshotRecord[], keep: number): SnapshotRecord[] {
  return kept.slice(Math.max(1, keep));
}

export async function markRemoved(db: LifeboatDb, id: number, at: number): Promise<void> {
  await db.snapshots.update(id, { removedAt: at });
}
