// Wipe alarms: raised by a sync run, shown in the popup and on the toolbar badge until the
// person acknowledges them.
import type { LifeboatDb } from './schema';
import type { AlarmRecord } from './records';

export async function raiseAlarm(db: LifeboatDb, alarm: Omit<AlarmRecord, 'id' | 'open'>): Promise<AlarmRecord> {
  const record: AlarmRecord = { ...alarm, open: 1 };
  record.id = await db.alarms.add(record);
  return record;
}

export function openAlarms(db: LifeboatDb): Promise<AlarmRecord[]> {
  return db.alarms.where('open').equals(1).toArray();
}

export async function acknowledgeAlarm(db: LifeboatDb, id: number): Promise<void> {
  await db.alarms.update(id, { open: 0 });
}
