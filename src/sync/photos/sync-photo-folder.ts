// One run of a photo library account: a folder tree is walked and mirrored folder by folder
// (mirror-walk.ts); a library with a change feed is asked what changed since the saved
// cursor (mirror-changes.ts). Either way files gone upstream are marked, new and changed ones
// downloaded a few at a time, each stored as soon as it is verified, and a run that marked or
// replaced much of the library raises the wipe alarm. A stopped worker loses nothing: stored
// files are not fetched again (their ETag matches), and a file cut off mid-way resumes from
// its stored bytes. The run's start, progress, checkpoint, alarm and end are the AccountRun's
// (sync/run/), as for contacts and calendars.
import { beginWipeCount, judgeWipe } from '../../db/wipe-marks';
import { photoCollectionId } from '../../model/wipe-mark';
import { countLivePhotos } from '../../db/photos/photo-writes';
import { DEFAULT_SETTINGS } from '../../db/settings';
import { retryPolicy } from '../../http/retry-policy';
import type { RunSummary } from '../../model/run-summary';
import { beginRun } from '../run/account-run';
import type { PhotoRunContext, PhotoSyncParams } from './photo-sync-deps';
import { mirrorChanges } from './mirror-changes';
import { mirrorWalk } from './mirror-walk';

/**
 * Download workers unless the caller says otherwise: twice the host's request slots
 * (http/host-limiter.ts), which still bound what the server sees. A worker gives its slot back
 * once the body is read, then checks the digest, reads EXIF and hands the file to storage; with
 * one worker per slot, a slot sits idle for all of that on every file.
 */
const DOWNLOADS_AT_ONCE = 8;

export async function syncPhotoFolder(params: PhotoSyncParams): Promise<RunSummary> {
  const { db, account, now, source } = params;
  const run = await beginRun(params);
  const collectionId = photoCollectionId(account.id);
  const context = { db, now, run, retry: params.retry ?? retryPolicy(), concurrency: params.concurrency ?? DOWNLOADS_AT_ONCE };
  let failure: unknown = null;
  try {
    await beginWipeCount(db, { collectionId, accountId: account.id, liveBefore: await countLivePhotos(db, account.id), startedAt: run.startedAt });
    if ('listChanges' in source) await mirrorChanges({ ...context, source } satisfies PhotoRunContext);
    else await mirrorWalk({ ...context, source } satisfies PhotoRunContext);
  } catch (error) {
    failure = error;
  }
  // Judged on everything the run did (and a stopped run before it), also when it stopped part way.
  const alarm = await db.transaction('rw', [db.photos, db.wipeMarks, db.alarms], () =>
    judgeWipe(db, {
      collectionId,
      accountId: account.id,
      collectionName: account.label,
      now: now(),
      policy: params.settings ?? DEFAULT_SETTINGS,
      countLive: () => countLivePhotos(db, account.id),
    }),
  );
  run.alarm(alarm);
  return failure === null ? run.finish() : run.fail(failure);
}
