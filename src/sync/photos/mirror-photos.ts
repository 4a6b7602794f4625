// Downloads a run's photos with a few workers, and stores them in batches behind the
// downloads (store-batcher.ts), so the next file downloads while the last ones are written.
// The workers pull from one queue, which a walked library fills folder by folder as they go:
// the queue holds what the next folder listed, never the whole library. A file that fails
// alone (gone since the listing, damaged on the way) is reported and the others go on; a
// failure that says the server is unreachable, busy or refusing the password stops every
// worker and ends the run. What was downloaded before that is still stored.
import { filesWithParts } from '../../db/photos/photo-parts';
import type { RemotePhoto } from '../../model/photo-source';
import { photoId, photoRecord } from '../../photos/photo-record';
import { readExif } from '../../photos/read-exif';
import { byteSize } from '../../db/photos/stored-bytes';
import { describeError, endsTheRun } from '../describe-error';
import { downloadPhoto } from './download-photo';
import { StoreBatcher } from './store-batcher';
import type { PhotoRunContext } from './photo-sync-deps';

const PROGRESS_EVERY = 10;

export interface QueuedPhoto {
  photo: RemotePhoto;
  /** Whether the mirror holds a version of it already (counted as changed, not added). */
  mirrored: boolean;
}

/** The photos to fetch, pulled one at a time; `queued` counts those handed out or known so far. */
export interface PhotoQueue extends AsyncIterable<QueuedPhoto> {
  readonly queued: number;
}

/** A queue of photos known up front. */
export function queueOf(photos: QueuedPhoto[]): PhotoQueue {
  return {
    queued: photos.length,
    [Symbol.asyncIterator]: () => {
      const each = photos.values();
      return { next: () => Promise.resolve(each.next()) };
    },
  };
}

export async function mirrorPhotos(params: PhotoRunContext & { queue: PhotoQueue }): Promise<void> {
  const { db, now, run, queue } = params;
  const { account, counts, errors } = run;
  const batcher = new StoreBatcher(db, now);
  const pull = queue[Symbol.asyncIterator]();
  let done = 0;
  let storing = 0;
  let allStored = (): void => undefined;
  // Set by the worker that met a run-ending failure; the others stop at their next file.
  const stop: { error: Error | null } = { error: null };
  const halt = (error: unknown): void => {
    stop.error ??= error instanceof Error ? error : new Error(describeError(error));
  };
  let progress = run.progress.update({ done: 0, total: queue.queued });
  const interrupted = await filesWithParts(db);

  const finished = ({ photo, mirrored }: QueuedPhoto, error: unknown): void => {
    if (error !== null) errors.push({ href: photo.href, message: describeError(error) });
    else if (mirrored) counts.changed++;
    else counts.added++;
    done++;
    // The run throttles the writes; this only spares it a call per file.
    if (done % PROGRESS_EVERY === 0) {
      const at = { done, total: queue.queued };
      progress = progress.then(() => run.progress.update(at));
    }
  };

  /** Downloads and checks one file, and hands it to the batcher. */
  const one = async (photo: RemotePhoto): Promise<{ stored: Promise<void> }> => {
    const id = photoId(account.id, photo.href);
    const { data, sha256 } = await downloadPhoto({ db, source: params.source, id, photo, retry: params.retry, mayHaveParts: interrupted.has(id) });
    const facts = await readExif(data);
    const origin = { accountId: account.id, path: photo.href, name: photo.name, etag: photo.etag, mime: photo.mime, albums: photo.folder ? [photo.folder] : [] };
    return batcher.add({ record: photoRecord(origin, { size: byteSize(data), sha256 }, facts, now()), data });
  };

  const ended = (queued: QueuedPhoto, error: unknown): void => {
    finished(queued, error);
    if (--storing === 0) allStored();
  };
  const worker = async (): Promise<void> => {
    while (stop.error === null) {
      let queued: QueuedPhoto;
      try {
        const next = await pull.next();
        if (next.done) return;
        queued = next.value;
      } catch (error) {
        // The listing of the next folder failed: nothing more to fetch, and the run fails.
        halt(error);
        return;
      }
      try {
        const { stored } = await one(queued.photo);
        storing++;
        stored.then(
          () => ended(queued, null),
          (error: unknown) => ended(queued, error),
        );
      } catch (error) {
        if (endsTheRun(error)) {
          halt(error);
          return;
        }
        finished(queued, error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, params.concurrency) }, worker));
  // Nothing more comes: the last batch is written without waiting for others.
  await batcher.flush();
  // Every file handed to the batcher settles once written, so this also waits for the writes.
  if (storing > 0) await new Promise<void>((resolve) => (allStored = resolve));
  await progress;
  if (stop.error) throw stop.error;
}
