// The periodic mirror. Alarms can be cleared when the browser restarts or the extension
// updates, so the alarm is re-created every time the worker starts, keeping its phase when
// it still exists (https://developer.chrome.com/docs/extensions/reference/api/alarms).
import { browser } from '../shared/browser';

export const SYNC_ALARM = 'lifeboat-sync';
export const DEFAULT_SYNC_MINUTES = 30;

export async function ensureSyncAlarm(periodInMinutes = DEFAULT_SYNC_MINUTES): Promise<void> {
  const existing = await browser.alarms.get(SYNC_ALARM);
  if (existing?.periodInMinutes === periodInMinutes) return;
  // The first run comes soon after start, so a browser opened once a day still mirrors.
  await browser.alarms.create(SYNC_ALARM, { delayInMinutes: 1, periodInMinutes });
}
