// One run of a photo library account: a folder tree is walked and mirrored folder by folder
// (mirror-walk.ts); a library with a change feed is asked what changed since the saved
// cursor (mirror-changes.ts). Either way files gone upstream are marked, new and changed ones
// downloaded a few at a time, each stored as soon as it is verified, and a run that marked or
// replaced much of the library raises the wipe alarm. A stopped worker loses nothing: stored
// files are not fetched again (their ETag matches), and a file cut off mid-way resumes from
// its stored bytes.
import type { AlarmRecord } from '../../model/alarm';
import type { RunError } from '../../model/run';
import type { AccountRecord } from '../../model/account';
import { updateAccount } from '../../db/accounts';
import { startRun } from '../../db/runs';
import { beginWipeCount, judgeWipe } from '../../db/wipe-marks';
import { photoCollectionId } from '../../model/wipe-mark';
import { countLivePhotos } from '../../db/photos/photo-writes';
import { DEFAULT_SETTINGS } from '../../db/settings';
import { retryPolicy } from '../../http/retry-policy';
import { describeError } from '../describe-error';
import { finishAccountRun, type RunCounts } from '../finish-run';
import type { RunSummary } from '../../model/run-summary';
import type { PhotoSyncDeps } from './photo-sync-deps';
import { mirrorChanges } from './mirror-changes';
import { mirrorWalk } from './mirror-walk';

export async function syncPhotoFolder(deps: PhotoSyncDeps, account: AccountRecord): Promise<RunSummary> {
  const { db, now, source } = deps;
  const startedAt = now();
  const runId = await startRun(db, account.id, startedAt);
  await updateAccount(db, account.id, { status: 'syncing', progress: { done: 0, total: 0 } });
  const counts: RunCounts = { added: 0, changed: 0, deletedUpstream: 0, unchanged: 0 };
  const errors: RunError[] = [];
  const collectionId = photoCollectionId(account.id);
  let accountError: unknown = null;
  try {
    await beginWipeCount(db, { collectionId, accountId: account.id, liveBefore: await countLivePhotos(db, account.id), startedAt });
    const retry = deps.retry ?? retryPolicy();
    if ('listChanges' in source) await mirrorChanges({ ...deps, source, retry }, account, counts, errors);
    else await mirrorWalk({ ...deps, source, retry }, account, counts, errors);
  } catch (error) {
    accountError = error;
    errors.push({ href: null, message: describeError(error) });
  }
  // Judged on everything the run did (and a stopped run before it), also when it stopped part way.
  const alarms: AlarmRecord[] = [];
  const alarm = await db.transaction('rw', [db.photos, db.wipeMarks, db.alarms], () =>
    judgeWipe(db, {
      collectionId,
      accountId: account.id,
      collectionName: account.label,
      now: now(),
      policy: deps.settings ?? DEFAULT_SETTINGS,
      countLive: () => countLivePhotos(db, account.id),
    }),
  );
  if (alarm) alarms.push(alarm);
  const summary = await finishAccountRun(db, account, runId, counts, errors, accountError, now(), deps.credentialsRejected);
  return { ...summary, alarms };
}
