// A worker stopped mid-run leaves its run marked running. The next worker closes such runs as
// interrupted and starts a new run for the account: the mirror repeats the listing and
// fetches only what it does not hold yet (see sync/sync-account.ts).
import { openDb } from '../db/schema';
import { closeInterruptedRuns } from '../db/runs';
import { readSettings } from '../db/settings';
import { syncOne } from './sync-runner';
import { ensureSyncAlarm } from './schedule';
import { ensureSnapshotAlarm } from './snapshots';

export async function resumeInterruptedRuns(): Promise<void> {
  const db = openDb();
  const accountIds = await closeInterruptedRuns(db, Date.now());
  await Promise.allSettled(accountIds.map((id) => syncOne(id)));
}

/** The schedule follows the settings. */
export async function scheduleFromSettings(): Promise<void> {
  const settings = await readSettings(openDb());
  await ensureSyncAlarm(settings.syncIntervalMinutes);
  await ensureSnapshotAlarm(settings.snapshotEveryDays);
}
