// What the wipe alarm remembers of a collection between runs: its daily high counts over the
// last 30 days (model/wipe-window.ts), and the counts of the run under way. Those counts are
// saved in the same transaction as the writes they count (a batch of changed items, a
// folder's deletion marks), and the alarm is written in the same transaction as the run's
// last marks and its judgment: a worker stopped anywhere leaves either both or neither, and
// the run that resumes it judges the whole run, not just its own part.
import type { LifeboatDb } from './schema';
import type { AlarmRecord } from '../model/alarm';
import type { RunUnderWay } from '../model/wipe-mark';
import { assessRun, type WipeCounts, type WipePolicy } from '../model/wipe-guard';
import { recordLive, windowHigh } from '../model/wipe-window';

/** Starts counting a run, or carries on the counts of one a stopped worker left. */
export async function beginWipeCount(db: LifeboatDb, params: { collectionId: string; accountId: string; liveBefore: number; startedAt: number }): Promise<void> {
  await db.transaction('rw', db.wipeMarks, async () => {
    const record = await db.wipeMarks.get(params.collectionId);
    if (record?.run) return;
    const run: RunUnderWay = { liveBefore: params.liveBefore, deleted: 0, changed: 0, emptied: false, startedAt: params.startedAt };
    await db.wipeMarks.put({ collectionId: params.collectionId, accountId: params.accountId, highs: record?.highs ?? [], run });
  });
}

/** Adds to the run's counts: call it inside the transaction that writes what it counts. */
export async function addToWipeCount(db: LifeboatDb, collectionId: string, add: Partial<Omit<WipeCounts, 'liveBefore'>>): Promise<void> {
  const record = await db.wipeMarks.get(collectionId);
  if (!record?.run) return;
  const run = record.run;
  await db.wipeMarks.put({
    ...record,
    run: { ...run, deleted: run.deleted + (add.deleted ?? 0), changed: run.changed + (add.changed ?? 0), emptied: run.emptied || add.emptied === true },
  });
}

export interface JudgeParams {
  collectionId: string;
  accountId: string;
  collectionName: string;
  now: number;
  policy: WipePolicy;
  /** Live items now, read inside the same transaction (items or photos). */
  countLive: () => Promise<number>;
}

/**
 * Judges the run's counts against the collection's recent high, raises the alarm if due,
 * records today's count and ends the run's counts. Call it inside the transaction that wrote
 * the run's last marks, with `wipeMarks`, `alarms` and the counted table in its scope.
 */
export async function judgeWipe(db: LifeboatDb, params: JudgeParams): Promise<AlarmRecord | null> {
  const record = await db.wipeMarks.get(params.collectionId);
  if (!record?.run) return null;
  const { startedAt, ...counts } = record.run;
  const liveAfter = await params.countLive();
  const highs = counts.liveBefore > 0 ? recordLive(record.highs, { live: counts.liveBefore, at: startedAt - 1 }) : record.highs;
  const alarmOpen = (await db.alarms.where('accountId').equals(params.accountId).filter((a) => a.open === 1 && a.collectionId === params.collectionId).count()) > 0;
  const finding = assessRun({ counts, liveAfter, high: windowHigh(highs, params.now), alarmOpen }, params.policy);
  let alarm: AlarmRecord | null = null;
  if (finding) {
    const { since, ...found } = finding;
    alarm = {
      ...found,
      accountId: params.accountId,
      collectionId: params.collectionId,
      collectionName: params.collectionName,
      raisedAt: params.now,
      before: since ?? startedAt - 1,
      open: 1,
    };
    alarm.id = await db.alarms.add(alarm);
  }
  await db.wipeMarks.put({ ...record, highs: recordLive(highs, { live: liveAfter, at: params.now }), run: null });
  return alarm;
}

/** After the person has seen an alarm, the collection's mark starts again from its count now. */
export async function resetMark(db: LifeboatDb, params: { collectionId: string; live: number; now: number }): Promise<void> {
  const record = await db.wipeMarks.get(params.collectionId);
  if (record) await db.wipeMarks.put({ ...record, highs: [{ live: params.live, at: params.now }] });
}
