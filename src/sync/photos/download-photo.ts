// Downloads one photo: resumes from the bytes a stopped run left (Range), starts over when the
// server sends the whole file instead (200, or 416 for bytes that no longer fit), tries again
// after a broken connection from where it broke, and checks the result (verify-download.ts).
// The bytes are hashed as they arrive (photos/file-receiver.ts); a photo the listing says is
// small enough is held whole (HOLD_WHOLE_BYTES), so it costs one request and one write; only
// bigger files touch IndexedDB in parts before they are stored.
import type { LifeboatDb } from '../../db/schema';
import { clearParts, HOLD_WHOLE_BYTES, PART_BYTES, partsSize, readParts } from '../../db/photos/photo-parts';
import { RangeRefusedError } from '../../providers/webdav-photos/photo-get';
import { withRetries } from '../../http/retry-loop';
import { t } from '../../catalog/catalog-text';
import type { RetryPolicy } from '../../http/retry-policy';
import type { PhotoSource, RemotePhoto, ServerDigest } from '../../model/photo-source';
import { FileReceiver, type ReceivedFile } from '../../photos/file-receiver';
import { hashBlob } from '../../photos/hash-blob';
import { byteSize } from '../../db/photos/stored-bytes';
import type { PhotoBytes, PhotoPartRecord } from '../../model/photo';
import { checkDownload, digestsToCheck } from './verify-download';

export interface Downloaded {
  data: PhotoBytes;
  sha256: string;
}

/** The parts an earlier attempt stored, when they still belong to this version of the file. */
async function usableParts(db: LifeboatDb, id: string, photo: RemotePhoto): Promise<PhotoPartRecord[]> {
  const parts = await readParts(db, id);
  const stale = parts.some((part) => part.etag !== photo.etag) || (photo.size !== null && partsSize(parts) > photo.size);
  if (!stale) return parts;
  await clearParts(db, id);
  return [];
}

/** Every byte was stored by an earlier run that stopped before checking them. */
async function alreadyStored(parts: PhotoPartRecord[], photo: RemotePhoto, stated: ServerDigest[]): Promise<ReceivedFile> {
  const data = new Blob(parts.map((part) => part.data), { type: photo.mime });
  return { data, digests: await hashBlob(data, digestsToCheck(stated).map((d) => d.algorithm)) };
}

/** What one attempt needs: the download's params, and the digests stated so far (answers add theirs). */
interface Attempt extends Required<DownloadParams> {
  stated: ServerDigest[];
}

/** One attempt: from the stored offset to the end of the file (or to where the body broke). */
async function fetchRest(attempt: Attempt): Promise<ReceivedFile> {
  const { db, source, id, photo, stated, mayHaveParts } = attempt;
  let parts = mayHaveParts ? await usableParts(db, id, photo) : [];
  const offset = partsSize(parts);
  if (photo.size !== null && photo.size > 0 && offset === photo.size) return alreadyStored(parts, photo, stated);
  let received: ReceivedFile | null = null;
  try {
    await source.download(photo, offset, async (answer) => {
      if (answer.start !== offset) {
        await clearParts(db, id);
        parts = [];
      }
      stated.push(...answer.digests);
      const held = photo.size !== null && photo.size <= HOLD_WHOLE_BYTES ? HOLD_WHOLE_BYTES : PART_BYTES;
      const receiver = await FileReceiver.open(db, id, photo.etag, parts, digestsToCheck(stated).map((d) => d.algorithm), held);
      await answer.body.pipeTo(receiver.sink);
      received = await receiver.finish(photo.mime);
    });
  } catch (error) {
    if (!(error instanceof RangeRefusedError)) throw error;
    await clearParts(db, id);
    return fetchRest({ ...attempt, mayHaveParts: false });
  }
  if (!received) throw new Error(t('photoDownloadNoBody', photo.name));
  return received;
}

export interface DownloadParams {
  db: LifeboatDb;
  source: PhotoSource;
  /** The photo's key in the mirror (its parts are kept under it). */
  id: string;
  photo: RemotePhoto;
  retry: RetryPolicy;
  /**
   * Whether an earlier run may have left bytes of this file: false skips looking them up,
   * which for a library of small photos is a read per file saved.
   */
  mayHaveParts?: boolean;
}

/**
 * Through the HTTP layer's one retry loop (http/retry-loop.ts): a busy server's Retry-After is
 * waited out and a broken connection backed off, as for every request; each new attempt
 * resumes from the bytes the last one stored.
 */
export function downloadPhoto(params: DownloadParams): Promise<Downloaded> {
  const { db, id, photo, retry, mayHaveParts = true } = params;
  const stated: ServerDigest[] = [...photo.digests];
  return withRetries(retry, async (attempt) => {
    const { data, digests } = await fetchRest({ ...params, stated, mayHaveParts: mayHaveParts || attempt > 1 });
    return { data, sha256: await checkDownload({ db, id, photo, size: byteSize(data), digests, stated }) };
  });
}
