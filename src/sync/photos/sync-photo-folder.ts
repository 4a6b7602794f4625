// One run of a photo library account: list every file (a WebDAV folder: PROPFIND Depth 1 per
// folder), or what changed since the saved cursor (OneDrive: delta), plan against the mirror,
// raise the wipe alarm if the plan says so, mark what vanished, then download what is new or
// changed, a few files at a time, each stored as soon as it is verified. A stopped worker loses
// nothing: stored files are not fetched again (their ETag matches), and a file cut off mid-way
// resumes from its stored bytes. The cursor is saved only after a run that stored every change:
// a file that failed is not named by the next delta, so the next run asks from the old cursor.
import type { LifeboatDb } from '../../db/schema';
import type { AccountRecord, AlarmRecord, RunError, Settings } from '../../db/records';
import { getAccount, updateAccount } from '../../db/accounts';
import { startRun } from '../../db/runs';
import { raiseAlarm } from '../../db/alarms';
import { DEFAULT_SETTINGS } from '../../db/settings';
import { markPhotosDeleted, mirroredPhotos } from '../../db/photos/photo-writes';
import { retryPolicy, type RetryPolicy } from '../../sources/dav/retry-policy';
import type { PhotoChanges, PhotoSource } from '../../sources/photo-source';
import { photoId } from '../../photos/photo-record';
import { describeError } from '../describe-error';
import { finishAccountRun, type RunCounts } from '../finish-run';
import type { RunSummary } from '../sync-account';
import { listedPhotos, planPhotoFolder } from './photo-folder-plan';
import { mirrorPhotos } from './mirror-photos';

export interface PhotoSyncDeps {
  db: LifeboatDb;
  source: PhotoSource;
  now: () => number;
  settings?: Settings;
  retry?: RetryPolicy;
  /** Downloads at once; the host limiter caps them too. */
  concurrency?: number;
  /** The status a refused credential leaves: a new password (WebDAV), or a new sign-in (OneDrive). */
  credentialsRejected?: 'needs-password' | 'needs-sign-in';
}

/** The wipe alarm of a photo folder names the account: the folder is its one collection. */
export const photoCollectionId = (accountId: string): string => `${accountId}|photos`;

async function listChanges(deps: PhotoSyncDeps, accountId: string): Promise<PhotoChanges> {
  const { source, db } = deps;
  if (!source.listChanges) return { mode: 'full', photos: await source.listPhotos(), cursor: null };
  // Read now, not from the record the run started with: the previous run may have saved one.
  return source.listChanges((await getAccount(db, accountId)).photoCursor ?? null);
}

export async function syncPhotoFolder(deps: PhotoSyncDeps, account: AccountRecord): Promise<RunSummary> {
  const { db, now } = deps;
  const startedAt = now();
  const runId = await startRun(db, account.id, startedAt);
  await updateAccount(db, account.id, { status: 'syncing', progress: { done: 0, total: 0 } });
  const counts: RunCounts = { added: 0, changed: 0, deletedUpstream: 0, unchanged: 0 };
  const errors: RunError[] = [];
  const alarms: AlarmRecord[] = [];
  let accountError: unknown = null;
  try {
    const listing = await listChanges(deps, account.id);
    const listed = listedPhotos(listing);
    const mirror = await mirroredPhotos(db, account.id);
    const plan = planPhotoFolder(listing, mirror, deps.settings ?? DEFAULT_SETTINGS);
    counts.unchanged = plan.unchanged;
    if (plan.wipe) {
      const where = { accountId: account.id, collectionId: photoCollectionId(account.id), collectionName: account.label };
      alarms.push(await raiseAlarm(db, { ...plan.wipe, ...where, raisedAt: now(), before: startedAt - 1 }));
    }
    await markPhotosDeleted(db, plan.markDeleted.map((path) => photoId(account.id, path)), now());
    counts.deletedUpstream = plan.markDeleted.length;
    const byHref = new Map(listed.map((photo) => [photo.href, photo]));
    const queue = plan.fetch.map((href) => byHref.get(href)!);
    await mirrorPhotos({ ...deps, retry: deps.retry ?? retryPolicy() }, account, queue, mirror, counts, errors);
    if (listing.cursor !== null && errors.length === 0) await updateAccount(db, account.id, { photoCursor: listing.cursor });
  } catch (error) {
    accountError = error;
    errors.push({ href: null, message: describeError(error) });
  }
  const summary = await finishAccountRun(db, account, runId, counts, errors, accountError, now(), deps.credentialsRejected);
  return { ...summary, alarms };
}
