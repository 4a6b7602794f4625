// A photo library account's run, as the sync runner starts it: its provider's photo source with
// the account's secret (a password, or a bearer token renewed silently, else the account waits
// for "Sign in again"), the run, then the alarms and the badge, like any account.
import type { LifeboatDb } from '../db/schema';
import type { Settings } from '../model/settings';
import type { AccountRecord } from '../model/account';
import type { PhotoSource } from '../model/photo-source';
import { providerOf } from '../providers/registry';
import { t } from '../catalog/catalog-text';
import { syncPhotoFolder } from '../sync/photos/sync-photo-folder';
import type { RunSummary } from '../model/run-summary';
import { accountSecret, credentialsRejectedStatus } from './account-secret';
import { announceAlarms, refreshBadge } from './attention';

/** The account's source, or null when it waits for a new sign-in. */
async function photoSourceFor(db: LifeboatDb, account: AccountRecord): Promise<PhotoSource | null> {
  const { photoSource } = providerOf(account.kind);
  if (!photoSource) throw new Error(t('errorUnknownAccountKind', account.kind));
  const secret = await accountSecret(db, account);
  return secret === null ? null : photoSource(account, secret);
}

export async function syncPhotoAccount(db: LifeboatDb, account: AccountRecord, settings: Settings): Promise<RunSummary | null> {
  const source = await photoSourceFor(db, account);
  if (!source) {
    await refreshBadge();
    return null;
  }
  const credentialsRejected = credentialsRejectedStatus(account);
  const summary = await syncPhotoFolder({ db, account, source, settings, now: Date.now, credentialsRejected });
  await announceAlarms(summary.alarms);
  await refreshBadge();
  return summary;
}
