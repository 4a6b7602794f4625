// The mirror over time: how many live items each collection held after each of the last runs
// (the counts a run records as it ends, db/runs.ts liveCountsOf), and the backups saved in that
// time (the `snapshots` table). Reads the runs by the `[accountId+startedAt]` index, a page of
// them per account, and the snapshots by `createdAt` from the first point on: no scan.
import type { LifeboatDb } from './schema';
import { recentRuns } from './runs';

export interface HistoryPoint {
  /** When the run ended (ms since the epoch). */
  at: number;
  live: number;
}

export interface HistoryLine {
  collectionId: string;
  accountId: string;
  /** The collection's name; null for an account's photo library, which has no collection record. */
  name: string | null;
  /** Oldest first. */
  points: HistoryPoint[];
}

export interface HistoryBackup {
  at: number;
  items: number;
}

export interface MirrorHistory {
  lines: HistoryLine[];
  backups: HistoryBackup[];
}

/** The runs each account's line goes back over: a week at the default half-hourly sync. */
export const RUNS_SHOWN = 336;

export async function mirrorHistory(db: LifeboatDb, accountIds: string[], runsPerAccount = RUNS_SHOWN): Promise<MirrorHistory> {
  const lines = new Map<string, HistoryLine>();
  for (const accountId of accountIds) {
    const runs = await recentRuns(db, accountId, runsPerAccount);
    for (const run of runs.reverse()) {
      if (!run.collectionCounts || run.finishedAt === null) continue;
      for (const { collectionId, live } of run.collectionCounts) {
        const line = lines.get(collectionId) ?? { collectionId, accountId, name: null, points: [] };
        line.points.push({ at: run.finishedAt, live });
        lines.set(collectionId, line);
      }
    }
  }
  const ids = [...lines.keys()];
  const records = await db.collections.bulkGet(ids);
  records.forEach((record, i) => {
    if (record) lines.get(ids[i]!)!.name = record.displayName;
  });
  const first = Math.min(...[...lines.values()].flatMap((line) => line.points.map((p) => p.at)));
  const backups = Number.isFinite(first)
    ? (await db.snapshots.where('createdAt').aboveOrEqual(first).toArray())
        .filter((s) => s.outcome === 'saved')
        .map((s) => ({ at: s.createdAt, items: s.items }))
    : [];
  return { lines: [...lines.values()], backups };
}
