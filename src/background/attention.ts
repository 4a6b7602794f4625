// Getting the person's attention when their copy is at risk: the toolbar badge counts open
// wipe alarms and accounts that need a password or keep failing; a notification announces
// each new wipe alarm (it may come while no Lifeboat page is open), and stop-notifications.ts
// each new thing that stops backups.
import { browser } from '../shared/browser';
import { openDb } from '../db/schema';
import { openAlarms } from '../db/alarms';
import { listAccounts } from '../db/accounts';
import type { AlarmRecord } from '../model/alarm';
import { t } from '../shared/i18n';
import { isPaused, secretsLocked } from './account-secret';
import { alarmSentence } from '../shared/alarm-sentence';
import { announceStops } from './stop-notifications';

export async function refreshBadge(): Promise<void> {
  const db = openDb();
  const alarms = (await openAlarms(db)).length;
  const troubled = (await listAccounts(db)).filter((a) => a.status === 'error' || isPaused(a)).length;
  const count = alarms + troubled;
  const locked = await secretsLocked();
  await browser.action.setBadgeBackgroundColor({ color: alarms > 0 ? '#b3261e' : '#8a5a00' });
  await browser.action.setBadgeText({ text: locked ? `🔒${count || ''}` : count > 0 ? String(count) : '' });
  await browser.action.setTitle({ title: locked ? t('lockLocked') : t('actionTitle') });
  await announceStops(await listAccounts(db));
}

export async function announceAlarms(alarms: AlarmRecord[]): Promise<void> {
  for (const alarm of alarms) {
    // Best effort: the alarm is already in the database, the popup and the badge show it even
    // where notifications are off or unsupported.
    await browser.notifications
      .create(`lifeboat-alarm-${alarm.id ?? alarm.raisedAt}`, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('icons/icon-128.png'),
        title: t('alarmNotificationTitle', alarm.collectionName),
        message: alarmSentence(alarm),
      })
      .catch((error: unknown) => console.warn('Lifeboat: could not show a notification', error));
  }
}
