// Downloads a run's queue of photos with a few workers, and stores them in batches behind the
// downloads (store-batcher.ts), so the next file downloads while the last ones are written. A
// file that fails alone (gone since the listing, damaged on the way) is reported and the others
// go on; a failure that says the server is unreachable, busy or refusing the password stops
// every worker and ends the run. What was downloaded before that is still stored.
import type { AccountRecord, PhotoRecord, RunError } from '../../db/records';
import { updateAccount } from '../../db/accounts';
import { filesWithParts } from '../../db/photos/photo-parts';
import type { RemotePhoto } from '../../sources/photo-source';
import type { RetryPolicy } from '../../sources/dav/retry-policy';
import { photoId, photoRecord } from '../../photos/photo-record';
import { readExif } from '../../photos/read-exif';
import { byteSize } from '../../photos/stored-bytes';
import { describeError, endsTheRun } from '../describe-error';
import type { RunCounts } from '../finish-run';
import { downloadPhoto } from './download-photo';
import { StoreBatcher } from './store-batcher';
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
  const batcher = new StoreBatcher(db, now);
  let next = 0;
  let done = 0;
  let progress = Promise.resolve();
  // Set by the worker that met a run-ending failure; the others stop at their next file.
  const stop: { error: Error | null } = { error: null };
  await updateAccount(db, account.id, { progress: { done: 0, total: queue.length } });
  const interrupted = await filesWithParts(db);

  const finished = (photo: RemotePhoto, error: unknown): void => {
    if (error !== null) errors.push({ href: photo.href, message: describeError(error) });
    else if (mirror.has(photo.href)) counts.changed++;
    else counts.added++;
    done++;
    if (done % PROGRESS_EVERY === 0 || done === queue.length) {
      const at = { done, total: queue.length };
      progress = progress.then(() => updateAccount(db, account.id, { progress: at }));
    }
  };

  /** Downloads and checks one file, and hands it to the batcher. */
  const one = async (photo: RemotePhoto): Promise<{ stored: Promise<void> }> => {
    const id = photoId(account.id, photo.href);
    const { data, sha256 } = await downloadPhoto(db, deps.source, id, photo, deps.retry, interrupted.has(id));
    const facts = await readExif(data);
    const origin = { accountId: account.id, path: photo.href, name: photo.name, etag: photo.etag, mime: photo.mime, albums: photo.folder ? [photo.folder] : [] };
    return batcher.add({ record: photoRecord(origin, { size: byteSize(data), sha256 }, facts, now()), data });
  };

  const storing: Array<Promise<void>> = [];
  const worker = async (): Promise<void> => {
    while (stop.error === null && next < queue.length) {
      const photo = queue[next++]!;
      try {
        const { stored } = await one(photo);
        storing.push(stored.then(() => finished(photo, null), (error: unknown) => finished(photo, error)));
      } catch (error) {
        if (endsTheRun(error)) {
          stop.error = error instanceof Error ? error : new Error(describeError(error));
          return;
        }
        finished(photo, error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, deps.concurrency ?? 4) }, worker));
  await batcher.flush();
  await Promise.all(storing);
  await progress;
  if (stop.error) throw stop.error;
}
