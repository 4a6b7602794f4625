// Downloads one photo into IndexedDB: resumes from the bytes a stopped run left (Range), starts
// over when the server sends the whole file instead (200, or 416 for bytes that no longer fit),
// tries again after a broken connection from where it broke, and checks the result
// (verify-download.ts). The bytes go to parts as they arrive: memory holds one part, never a file.
import type { LifeboatDb } from '../../db/schema';
import { clearParts, partWriter, partsSize, readParts } from '../../db/photos/photo-parts';
import { RangeRefusedError } from '../../sources/webdav-photos/photo-get';
import { isTransient } from '../../sources/dav/transient-errors';
import { backoffDelay, type RetryPolicy } from '../../sources/dav/retry-policy';
import type { PhotoSource, RemotePhoto, ServerDigest } from '../../sources/photo-source';
import { verifyDownload } from './verify-download';

export interface Downloaded {
  file: Blob;
  sha256: string;
}

async function resumeOffset(db: LifeboatDb, id: string, photo: RemotePhoto): Promise<number> {
  const parts = await readParts(db, id);
  const held = partsSize(parts);
  const stale = parts.some((part) => part.etag !== photo.etag) || (photo.size !== null && held > photo.size);
  if (!stale) return held;
  await clearParts(db, id);
  return 0;
}

/** One attempt: from the stored offset to the end of the file (or to where the body broke). */
async function fetchRest(db: LifeboatDb, source: PhotoSource, id: string, photo: RemotePhoto, stated: ServerDigest[]): Promise<void> {
  const offset = await resumeOffset(db, id, photo);
  if (photo.size !== null && photo.size > 0 && offset === photo.size) return;
  try {
    await source.download(photo, offset, async (answer) => {
      if (answer.start !== offset) await clearParts(db, id);
      stated.push(...answer.digests);
      await answer.body.pipeTo(partWriter(db, id, photo.etag, answer.start));
    });
  } catch (error) {
    if (!(error instanceof RangeRefusedError)) throw error;
    await clearParts(db, id);
    await fetchRest(db, source, id, photo, stated);
  }
}

export async function downloadPhoto(
  db: LifeboatDb,
  source: PhotoSource,
  id: string,
  photo: RemotePhoto,
  retry: RetryPolicy,
): Promise<Downloaded> {
  const stated: ServerDigest[] = [...photo.digests];
  for (let attempt = 1; ; attempt++) {
    try {
      await fetchRest(db, source, id, photo, stated);
      break;
    } catch (error) {
      if (attempt >= retry.maxAttempts || !isTransient(error)) throw error;
      await retry.sleep(backoffDelay(attempt, retry));
    }
  }
  const file = new Blob(
    (await readParts(db, id)).map((part) => part.data),
    { type: photo.mime },
  );
  try {
    return { file, sha256: await verifyDownload(photo, file, stated) };
  } catch (error) {
    // Damaged bytes are no base to resume from.
    await clearParts(db, id);
    throw error;
  }
}
