// The checksum re-check's schedule: an alarm once a day re-hashes a bounded batch of the photos
// checked longest ago (more than a week), so every photo is re-checked about weekly. Re-created
// at every worker start, like the other alarms.
import { browser } from '../shared/browser';
import { openDb } from '../db/schema';
import { RECHECK_LIMITS, recheckPhotos } from '../photos/recheck-photos';

export const RECHECK_ALARM = 'lifeboat-photo-recheck';

export async function ensureRecheckAlarm(): Promise<void> {
  if (await browser.alarms.get(RECHECK_ALARM)) return;
  await browser.alarms.create(RECHECK_ALARM, { delayInMinutes: 30, periodInMinutes: 24 * 60 });
}

export async function recheckDuePhotos(now = Date.now()): Promise<{ checked: number; corrupt: number }> {
  const { checked, corrupt } = await recheckPhotos(openDb(), now, { ...RECHECK_LIMITS, checkedBefore: now - RECHECK_LIMITS.everyMs });
  return { checked, corrupt: corrupt.length };
}
