// Writing photos. Network first, then one short transaction per batch of photos: the records,
// their bytes, and, when the server replaced a file, the earlier bytes kept as a version. Nothing here
// deletes a photo: one gone upstream is marked, like an item.
import type { LifeboatDb } from '../schema';
import type { PhotoBytes, PhotoRecord } from '../../model/photo';
import { addToWipeCount } from '../wipe-marks';
import { photoCollectionId } from '../../model/wipe-mark';

/** What the mirror knows of an account's photos, by path. */
export async function mirroredPhotos(db: LifeboatDb, accountId: string): Promise<Map<string, PhotoRecord>> {
  const photos = await db.photos.where('accountId').equals(accountId).toArray();
  return new Map(photos.map((photo) => [photo.path, photo]));
}

export interface PhotoToStore {
  record: PhotoRecord;
  data: PhotoBytes;
}

/** Stores a downloaded or imported file; a changed file keeps its earlier bytes as a version. */
export function storePhoto(db: LifeboatDb, record: PhotoRecord, data: PhotoBytes, now: number): Promise<void> {
  return storePhotos(db, [{ record, data }], now);
}

/**
 * Stores several files in one transaction. In Chromium each transaction that writes a Blob costs
 * several milliseconds whatever its size, so a library of small photos is stored in batches.
 */
export async function storePhotos(db: LifeboatDb, photos: PhotoToStore[], now: number): Promise<void> {
  const ids = photos.map((photo) => photo.record.id);
  await db.transaction('rw', [db.photos, db.photoBlobs, db.photoParts, db.photoVersions, db.photoThumbs, db.wipeMarks], async () => {
    const befores = await db.photos.bulkGet(ids);
    const records: PhotoRecord[] = [];
    // Live files whose bytes changed, per account: the wipe alarm's count, saved with them (a new ETag over the same bytes is no change).
    const rewritten = new Map<string, number>();
    for (const [index, { record }] of photos.entries()) {
      const before = befores[index];
      const changed = !before || before.sha256 !== record.sha256;
      if (before && changed) await keepEarlierBytes(db, before, now);
      if (before?.live === 1 && changed) rewritten.set(record.accountId, (rewritten.get(record.accountId) ?? 0) + 1);
      records.push({ ...record, thumb: changed ? 0 : before.thumb, firstSeenAt: before?.firstSeenAt ?? record.firstSeenAt });
    }
    await db.photos.bulkPut(records);
    await db.photoBlobs.bulkPut(photos.map(({ record, data }) => ({ id: record.id, data })));
    // Only a file put together from stored parts (a Blob) can have parts to clear: bytes that
    // stayed in memory never went to photoParts (photos/file-receiver.ts).
    const fromParts = photos.filter(({ data }) => data instanceof Blob).map(({ record }) => record.id);
    if (fromParts.length > 0) await db.photoParts.where('photoId').anyOf(fromParts).delete();
    for (const [accountId, changed] of rewritten) await addToWipeCount(db, photoCollectionId(accountId), { changed });
  });
}

async function keepEarlierBytes(db: LifeboatDb, before: PhotoRecord, now: number): Promise<void> {
  const old = await db.photoBlobs.get(before.id);
  if (old) {
    await db.photoVersions.add({ photoId: before.id, etag: before.etag, sha256: before.sha256, size: before.size, replacedAt: now, data: old.data });
  }
  await db.photoThumbs.delete(before.id);
}

export async function markPhotosDeleted(db: LifeboatDb, ids: string[], now: number): Promise<void> {
  await db.photos.where('id').anyOf(ids).modify({ live: 0, deletedUpstreamAt: now });
}

export function countLivePhotos(db: LifeboatDb, accountId: string): Promise<number> {
  return db.photos.where('[accountId+live]').equals([accountId, 1]).count();
}
