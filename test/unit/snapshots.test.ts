import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/db/settings';
import { keptSnapshots, markRemoved, recordSnapshot, snapshotDue, snapshotsBeyond } from '../../src/db/snapshots';
import type { SnapshotRecord } from '../../src/model/snapshot';
import { freshDb } from '../support/test-db';

const DAY = 24 * 60 * 60 * 1000;
const snapshot = (createdAt: number, outcome: SnapshotRecord['outcome'] = 'saved'): Omit<SnapshotRecord, 'id'> => ({
  createdAt,
  fileName: `s${createdAt}.zip`,
  downloadId: createdAt,
  bytes: 1,
  items: 1,
  outcome,
  error: null,
  removedAt: null,
});

describe('snapshots', () => {
  it('are due when none was saved within the period, and never when turned off', () => {
    const weekly = { ...DEFAULT_SETTINGS, snapshotEveryDays: 7 };
    expect(snapshotDue(weekly, undefined, 0)).toBe(true);
    expect(snapshotDue(weekly, { ...snapshot(0), id: 1 }, 6 * DAY)).toBe(false);
    expect(snapshotDue(weekly, { ...snapshot(0), id: 1 }, 7 * DAY)).toBe(true);
    expect(snapshotDue({ ...weekly, snapshotEveryDays: 0 }, undefined, 0)).toBe(false);
  });

  it('keep the newest N saved ones on disk; failed and removed ones do not count', async () => {
    const db = freshDb();
    for (const at of [1, 2, 3, 4, 5]) await recordSnapshot(db, snapshot(at * DAY));
    await recordSnapshot(db, snapshot(6 * DAY, 'failed'));
    const kept = await keptSnapshots(db);
    expect(kept.map((s) => s.createdAt / DAY)).toEqual([5, 4, 3, 2, 1]);
    const beyond = snapshotsBeyond(kept, 2);
    expect(beyond.map((s) => s.createdAt / DAY)).toEqual([3, 2, 1]);
    for (const old of beyond) await markRemoved(db, old.id!, 7 * DAY);
    expect((await keptSnapshots(db)).map((s) => s.createdAt / DAY)).toEqual([5, 4]);
    // Never all of them, whatever the setting says.
    expect(snapshotsBeyond(await keptSnapshots(db), 0)).toHaveLength(1);
  });
});
