// A notification for each thing that stops backups while no Lifeboat page may be open: a
// password the server refused, a sign-in that expired, storage nearly full. The badge counts
// them too, but a number on an icon is easy to miss for weeks. Each is announced once per
// occurrence: what was announced is remembered in storage.local (the worker is stopped between
// runs), and forgotten when the trouble ends, so the next time it happens is announced again.
import { browser } from '../shared/browser';
import type { AccountRecord } from '../model/account';
import { t } from '../shared/i18n';
import { usesBrowserSession } from '../model/provider-setup';
import { setupOf } from '../providers/setup-registry';

/** The share of the quota above which the next copies may fail. */
export const NEARLY_FULL = 0.9;
const REMEMBERED = 'stopNotificationsShown';
const PREFIX = 'lifeboat-stop-';

interface Stop {
  mark: string;
  message: string;
}

function stopsOf(accounts: readonly AccountRecord[], estimate: StorageEstimate | undefined): Stop[] {
  const stops: Stop[] = [];
  for (const account of accounts) {
    if (account.status === 'needs-password') stops.push({ mark: `${account.id}|needs-password`, message: t('warningNeedsPassword', account.label) });
    if (account.status === 'needs-sign-in') stops.push({ mark: `${account.id}|needs-sign-in`, message: t(usesBrowserSession(setupOf(account.kind)) ? 'icloudAccountWarningSignedOut' : 'warningNeedsSignIn', account.label) });
  }
  const { usage, quota } = estimate ?? {};
  if (usage !== undefined && quota !== undefined && quota > 0 && usage / quota > NEARLY_FULL) {
    stops.push({ mark: 'storage-nearly-full', message: t('stopStorageNearlyFull', Math.floor((usage / quota) * 100)) });
  }
  return stops;
}

async function storageEstimate(): Promise<StorageEstimate | undefined> {
  try {
    return await navigator.storage?.estimate?.();
  } catch {
    return undefined;
  }
}

/** Shows a notification for each stop not announced yet; forgets the stops that ended. */
export async function announceStops(accounts: readonly AccountRecord[], estimate?: StorageEstimate): Promise<void> {
  try {
    await announce(accounts, estimate);
  } catch (error) {
    // Never in the way of the badge or a run: the stops stay visible in the pages.
    console.warn('Lifeboat: could not announce what stops backups', error);
  }
}

async function announce(accounts: readonly AccountRecord[], estimate: StorageEstimate | undefined): Promise<void> {
  const stops = stopsOf(accounts, estimate ?? (await storageEstimate()));
  const stored = (await browser.storage.local.get(REMEMBERED))[REMEMBERED];
  const shown = new Set(Array.isArray(stored) ? stored.map(String) : []);
  await browser.storage.local.set({ [REMEMBERED]: stops.map((s) => s.mark) });
  for (const stop of stops.filter((s) => !shown.has(s.mark))) {
    // Best effort, as for wipe alarms: the badge, the popup and the options page show it anyway.
    await browser.notifications
      .create(`${PREFIX}${stop.mark}`, { type: 'basic', iconUrl: browser.runtime.getURL('icons/icon-128.png'), title: t('stopNotificationTitle'), message: stop.message })
      .catch((error: unknown) => console.warn('Lifeboat: could not show a notification', error));
  }
}

/**
 * A click on one of these notifications opens the options page, where the account list takes a
 * new password or a new sign-in and the storage section shows what the copy uses.
 */
export async function openForStop(notificationId: string): Promise<boolean> {
  if (!notificationId.startsWith(PREFIX)) return false;
  await browser.notifications.clear(notificationId);
  await browser.runtime.openOptionsPage();
  return true;
}

// Registered when the worker starts (attention.ts imports this module at the top level), as
// Manifest V3 requires for a listener to wake a stopped worker.
browser.notifications?.onClicked?.addListener((id) => void openForStop(id));
