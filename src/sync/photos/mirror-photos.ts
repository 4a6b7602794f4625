// Downloads a run's queue of photos with a few workers. A file that fails alone (gone since the
// listing, damaged on the way) is reported and the others go on; a failure that says the
// server is unreachable, busy or refusing the password stops every worker and ends the run.
import type { AccountRecord, PhotoRecord, RunError } from '../../db/records';
import { updateAccount } from '../../db/accounts';
import { storePhoto } from '../../db/photos/photo-writes';
import type { RemotePhoto } from '../../sources/photo-source';
import type { RetryPolicy } from '../../sources/dav/retry-policy';
import { photoId, photoRecord } from '../../photos/photo-record';
import { readExif } from '../../photos/read-exif';
import { describeError, endsTheRun } from '../describe-error';
import type { RunCounts } from '../finish-run';
import { downloadPhoto } from './download-photo';
import type { PhotoSyncDeps } from './sync-photo-folder';

const PROGRESS_EVERY = 10;

export async function mirrorPhotos(
  deps: PhotoSyncDeps & { retry: RetryPolicy },
  account: AccountRecord,
  queue: RemotePhoto[],
  mirror: ReadonlyMap<string, PhotoRecord>,
  counts: RunCounts,
  errors: RunError[],
): Promise<void> {
  const { db, now } = deps;
  let next = 0;
  let done = 0;
  // Set by the worker that met a run-ending failure; the others stop at their next file.
  const stop: { error: Error | null } = { error: null };
  await updateAccount(db, account.id, { progress: { done: 0, total: queue.length } });

  const one = async (photo: RemotePhoto): Promise<void> => {
    const id = photoId(account.id, photo.href);
    const { file, sha256 } = await downloadPhoto(db, deps.source, id, photo, deps.retry);
    const facts = await readExif(file);
    const origin = { accountId: account.id, path: photo.href, name: photo.name, etag: photo.etag, mime: photo.mime, albums: photo.folder ? [photo.folder] : [] };
    await storePhoto(db, photoRecord(origin, { size: file.size, sha256 }, facts, now()), file, now());
    if (mirror.has(photo.href)) counts.changed++;
    else counts.added++;
  };

  const worker = async (): Promise<void> => {
    while (stop.error === null && next < queue.length) {
      const photo = queue[next++]!;
      try {
        await one(photo);
      } catch (error) {
        if (endsTheRun(error)) {
          stop.error = error instanceof Error ? error : new Error(describeError(error));
          return;
        }
        errors.push({ href: photo.href, message: describeError(error) });
      }
      done++;
      if (done % PROGRESS_EVERY === 0 || done === queue.length) await updateAccount(db, account.id, { progress: { done, total: queue.length } });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, deps.concurrency ?? 4) }, worker));
  if (stop.error) throw stop.error;
}
