// Writing photos. Network first, then one short transaction per photo: the record, its bytes,
// and, when the server replaced the file, the earlier bytes kept as a version. Nothing here
// deletes a photo: one gone upstream is marked, like an item.
import type { LifeboatDb } from '../schema';
import type { PhotoRecord } from '../records';

/** What the mirror knows of an account's photos, by path. */
export async function mirroredPhotos(db: LifeboatDb, accountId: string): Promise<Map<string, PhotoRecord>> {
  const photos = await db.photos.where('accountId').equals(accountId).toArray();
  return new Map(photos.map((photo) => [photo.path, photo]));
}

/** Stores a downloaded or imported file; a changed file keeps its earlier bytes as a version. */
export async function storePhoto(db: LifeboatDb, record: PhotoRecord, data: Blob, now: number): Promise<void> {
  await db.transaction('rw', [db.photos, db.photoBlobs, db.photoParts, db.photoVersions, db.photoThumbs], async () => {
    const before = await db.photos.get(record.id);
    if (before && before.sha256 !== record.sha256) {
      const old = await db.photoBlobs.get(record.id);
      if (old) {
        await db.photoVersions.add({ photoId: record.id, etag: before.etag, sha256: before.sha256, size: before.size, replacedAt: now, data: old.data });
      }
      await db.photoThumbs.delete(record.id);
    }
    const changed = !before || before.sha256 !== record.sha256;
    await db.photos.put({ ...record, thumb: changed ? 0 : before.thumb, firstSeenAt: before?.firstSeenAt ?? record.firstSeenAt });
    await db.photoBlobs.put({ id: record.id, data });
    await db.photoParts.where('photoId').equals(record.id).delete();
  });
}

export async function markPhotosDeleted(db: LifeboatDb, ids: string[], now: number): Promise<void> {
  await db.photos.where('id').anyOf(ids).modify({ live: 0, deletedUpstreamAt: now });
}

export function countLivePhotos(db: LifeboatDb, accountId: string): Promise<number> {
  return db.photos.where('[accountId+live]').equals([accountId, 1]).count();
}

export function countDeletedPhotos(db: LifeboatDb, accountId: string): Promise<number> {
  return db.photos.where('[accountId+live]').equals([accountId, 0]).count();
}
