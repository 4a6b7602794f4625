// Runs sync jobs: at most one per account at a time, whoever asks (alarm, Sync now, a new
// account, a resumed run). A second request for a running account waits for the same run.
import { openDb } from '../db/schema';
import { getAccount, listAccounts, updateAccount } from '../db/accounts';
import type { AccountRecord } from '../model/account';
import { hasServer } from '../model/provider-setup';
import { providerOf } from '../providers/registry';
import { readSettings } from '../db/settings';
import { pruneVersions } from '../db/retention';
import { syncAccount } from '../sync/sync-account';
import type { RunSummary } from '../model/run-summary';
import { readers } from '../sync/readers';
import { sourceForAccount } from '../providers/source-for-account';
import { syncPhotoAccount } from './photo-runner';
import { accountSecret, credentialsRejectedStatus, isPaused, lockStops, ridesBrowserSession } from './account-secret';
import { noteSessionCheck } from './session-recheck';
import { sessionCheckDue } from './session-backoff';
import { announceAlarms, refreshBadge } from './attention';
import { clearMoments, markMoment } from '../shared/phase-times';
import { keepExportsReady } from '../exporters/ready/keep-pages';
import { compactContactWords } from '../db/contact-words/compact-contact-words';

/** Accounts with a remote to mirror (not the ones imported from files). */
export const isSynced = (account: AccountRecord): boolean => hasServer(providerOf(account.kind).setup);

const running = new Map<string, Promise<RunSummary | null>>();

export function syncOne(accountId: string): Promise<RunSummary | null> {
  const current = running.get(accountId);
  if (current) return current;
  const run = runSync(accountId)
    .then(async (summary) => {
      await noteSessionCheck(openDb(), accountId, Date.now());
      return summary;
    })
    .finally(() => running.delete(accountId));
  running.set(accountId, run);
  return run;
}

/** The moments marked once per collection or batch, forgotten as the next run starts. */
const REPEATED_MOMENTS = ['listed', 'planned', 'batch-fetched', 'batch-stored', 'collection-done'];

/** Runs one account's sync; `null` for an account with no server (imported from files). */
async function runSync(accountId: string): Promise<RunSummary | null> {
  clearMoments(REPEATED_MOMENTS);
  markMoment('run-asked');
  const db = openDb();
  const account = await getAccount(db, accountId);
  if (!isSynced(account) || (await lockStops(account))) return null;
  const settings = await readSettings(db);
  if (providerOf(account.kind).setup.mirrors === 'photos') return syncPhotoAccount(db, account, settings);
  const secret = await accountSecret(db, account);
  if (secret === null) {
    await refreshBadge();
    return null;
  }
  const { source, discovery } = sourceForAccount(account, secret);
  markMoment('run-begins');
  const summary = await syncAccount({ db, source, readers, settings, now: Date.now, credentialsRejected: credentialsRejectedStatus(account) }, account);
  markMoment('run-ended');
  await updateAccount(db, accountId, { discovery: discovery() });
  await pruneVersions(db, Date.now(), settings);
  await announceAlarms(summary.alarms);
  await refreshBadge();
  markMoment('run-done');
  // The exports kept ready follow the run's changes, after the run (exporters/ready/); the
  // search's records are rewritten once the run's appends have made them worth it (a run that
  // wrote no item appended none: nothing to read).
  void keepExportsReady(db);
  if (summary.added + summary.changed + summary.deletedUpstream > 0) {
    void compactContactWords(db).catch((error: unknown) => console.warn('Lifeboat: the search records were not compacted', error));
  }
  return summary;
}

/**
 * The scheduled run: every account, except those waiting for a new password or a new sign-in;
 * a browser-session account waiting for a sign-in at its site is checked again when its
 * back-off says so (session-recheck.ts), since signing in there is all the person does.
 */
export async function syncAll(options: { includePaused?: boolean } = {}): Promise<number> {
  const now = Date.now();
  const due = (a: AccountRecord) => options.includePaused || !isPaused(a) || (ridesBrowserSession(a) && sessionCheckDue(a, now));
  const accounts = (await listAccounts(openDb())).filter((a) => isSynced(a) && due(a));
  await Promise.allSettled(accounts.map((account) => syncOne(account.id)));
  return accounts.length;
}
