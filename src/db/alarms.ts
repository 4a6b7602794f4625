// Wipe alarms: raised by a sync run, shown in the popup and on the toolbar badge until the
// person acknowledges them. A run's own alarms are written by db/wipe-marks.ts, in the
// transaction of the marks they describe.
import type { LifeboatDb } from './schema';
import type { AlarmRecord } from '../model/alarm';
import type { CollectionRecord } from '../model/collection';
import { resetMark } from './wipe-marks';
import { countLiveIn, countLiveItems } from './live-counts';

export async function raiseAlarm(db: LifeboatDb, alarm: Omit<AlarmRecord, 'id' | 'open'>): Promise<AlarmRecord> {
  const record: AlarmRecord = { ...alarm, open: 1 };
  record.id = await db.alarms.add(record);
  return record;
}

/** A collection that vanished with items in it is the loudest kind of wipe. Call it inside the transaction that marks them gone. */
export async function raiseGoneAlarms(db: LifeboatDb, params: { gone: CollectionRecord[]; before: number; now: number }): Promise<AlarmRecord[]> {
  const raised: AlarmRecord[] = [];
  for (const collection of params.gone) {
    const live = await countLiveItems(db, collection.id);
    if (live === 0) continue;
    raised.push(
      await raiseAlarm(db, {
        kind: 'collection-gone',
        accountId: collection.accountId,
        collectionId: collection.id,
        collectionName: collection.displayName,
        raisedAt: params.now,
        before: params.before,
        liveBefore: live,
        deleted: live,
        changed: 0,
      }),
    );
  }
  return raised;
}

export function openAlarms(db: LifeboatDb): Promise<AlarmRecord[]> {
  return db.alarms.where('open').equals(1).toArray();
}

/**
 * Closes an alarm, and the collection's high-water mark becomes its live count now: the
 * person has seen the decline, so it is not announced again on every run. Growth from here
 * raises the mark again.
 */
export async function acknowledgeAlarm(db: LifeboatDb, id: number, now = Date.now()): Promise<void> {
  await db.transaction('rw', [db.alarms, db.wipeMarks, db.collectionCounts, db.photos], async () => {
    const alarm = await db.alarms.get(id);
    if (!alarm) return;
    await db.alarms.update(id, { open: 0 });
    const live = await countLiveIn(db, alarm);
    await resetMark(db, { collectionId: alarm.collectionId, live, now });
  });
}
