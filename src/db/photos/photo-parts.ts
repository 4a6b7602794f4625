// Bytes of downloads in progress. They go to IndexedDB in parts of a few MB as they arrive, so
// memory holds at most one part per download, and a worker stopped mid-file leaves the bytes
// it had: the next run asks only for the rest (Range). Part records are keyed by offset.
// What writes them: photos/file-receiver.ts.
import type { LifeboatDb } from '../schema';
import type { PhotoPartRecord } from '../../model/photo';

/** Bytes held in memory per download of a big file before they are written out as a part. */
export const PART_BYTES = 4 * 1024 * 1024;

/**
 * A file the listing says is no bigger than this is held whole until it is stored (or until
 * its download breaks, when what arrived becomes a part): one buffer, hashed in one call to
 * WebCrypto. Bigger files (videos, RAW) go out in parts and are hashed in JavaScript, several
 * times slower per byte, so the line sits above what phones write for a photo.
 */
export const HOLD_WHOLE_BYTES = 16 * 1024 * 1024;

export function readParts(db: LifeboatDb, photoId: string): Promise<PhotoPartRecord[]> {
  return db.photoParts.where('[photoId+offset]').between([photoId, 0], [photoId, Infinity]).toArray();
}

export async function clearParts(db: LifeboatDb, photoId: string): Promise<void> {
  await db.photoParts.where('photoId').equals(photoId).delete();
}

export function partsSize(parts: PhotoPartRecord[]): number {
  return parts.reduce((sum, part) => sum + part.data.size, 0);
}

/** Which files have bytes left by an interrupted download: one read for a whole run. */
export async function filesWithParts(db: LifeboatDb): Promise<Set<string>> {
  return new Set((await db.photoParts.orderBy('photoId').uniqueKeys()) as string[]);
}
