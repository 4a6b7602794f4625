// One run of a photo folder account: list every file (PROPFIND Depth 1 per folder), plan
// against the mirror, raise the wipe alarm if the plan says so, mark what vanished, then
// download what is new or changed, a few files at a time, each stored as soon as it is
// verified. A stopped worker loses nothing: stored files are not fetched again (their ETag
// matches), and a file cut off mid-way resumes from its stored bytes.
import type { LifeboatDb } from '../../db/schema';
import type { AccountRecord, AlarmRecord, RunError, Settings } from '../../db/records';
import { updateAccount } from '../../db/accounts';
import { startRun } from '../../db/runs';
import { raiseAlarm } from '../../db/alarms';
import { DEFAULT_SETTINGS } from '../../db/settings';
import { markPhotosDeleted, mirroredPhotos } from '../../db/photos/photo-writes';
import { retryPolicy, type RetryPolicy } from '../../sources/dav/retry-policy';
import type { PhotoSource } from '../../sources/photo-source';
import { photoId } from '../../photos/photo-record';
import { describeError } from '../describe-error';
import { finishAccountRun, type RunCounts } from '../finish-run';
import type { RunSummary } from '../sync-account';
import { planPhotoFolder } from './photo-folder-plan';
import { mirrorPhotos } from './mirror-photos';

export interface PhotoSyncDeps {
  db: LifeboatDb;
  source: PhotoSource;
  now: () => number;
  settings?: Settings;
  retry?: RetryPolicy;
  /** Downloads at once; the host limiter caps them too. */
  concurrency?: number;
}

/** The wipe alarm of a photo folder names the account: the folder is its one collection. */
export const photoCollectionId = (accountId: string): string => `${accountId}|photos`;

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
    const listed = await deps.source.listPhotos();
    const mirror = await mirroredPhotos(db, account.id);
    const plan = planPhotoFolder(listed, mirror, deps.settings ?? DEFAULT_SETTINGS);
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
  } catch (error) {
    accountError = error;
    errors.push({ href: null, message: describeError(error) });
  }
  const summary = await finishAccountRun(db, account, runId, counts, errors, accountError, now());
  return { ...summary, alarms };
}
