// A run of a walked library (a WebDAV folder tree), one folder at a time: each folder's
// listing is planned against what the mirror holds of that folder alone (folder-photos.ts),
// its vanished files and vanished sub-folders are marked, and its new and changed files join
// the download queue, which the download workers drain before the next folder is listed.
// So a run holds one folder's listing and records, whatever the size of the library; the
// wipe alarm is decided on the counts once the walk is done (nothing is lost meanwhile:
// marked files keep their bytes, replaced ones keep their earlier version). Each folder's
// counts are saved with its marks, in one transaction: a walk stopped part way leaves them
// in the database, and the run that resumes it judges the whole walk (db/wipe-marks.ts).
import { markPhotosDeleted } from '../../db/photos/photo-writes';
import { folderMirror } from '../../db/photos/folder-photos';
import type { FolderWalkSource } from '../../model/photo-source';
import { photoId } from '../../photos/photo-record';
import { planCollection } from '../plan-collection';
import { addToWipeCount } from '../../db/wipe-marks';
import { photoCollectionId } from '../../model/wipe-mark';
import { refs } from './photo-folder-plan';
import { mirrorPhotos, type PhotoQueue, type QueuedPhoto } from './mirror-photos';
import type { PhotoRunContext } from './photo-sync-deps';

export async function mirrorWalk(context: PhotoRunContext<FolderWalkSource>): Promise<void> {
  const { db, now, run } = context;
  const { account, counts } = run;
  const counted = photoCollectionId(account.id);
  let listed = 0;
  let queued = 0;
  async function* toFetch(): AsyncGenerator<QueuedPhoto> {
    for await (const folder of context.source.listFolders()) {
      const mirror = await folderMirror(db, account.id, folder.url, folder.folders);
      const plan = planCollection({ mode: 'full', items: refs(folder.photos), cursor: {} }, mirror.files);
      const gone = [...plan.markDeleted.map((path) => photoId(account.id, path)), ...mirror.inVanishedFolders];
      // Changed files are counted when their new bytes are stored (photo-writes.ts): a new ETag over the same bytes is no change.
      await db.transaction('rw', [db.photos, db.wipeMarks], async () => {
        await markPhotosDeleted(db, gone, now());
        await addToWipeCount(db, counted, { deleted: gone.length });
      });
      listed += folder.photos.length;
      counts.unchanged += plan.unchanged;
      counts.deletedUpstream += gone.length;
      const fetch = new Set(plan.fetch);
      const photos = folder.photos.filter((photo) => fetch.has(photo.href));
      queued += photos.length;
      for (const photo of photos) yield { photo, mirrored: mirror.files.has(photo.href) };
    }
    if (listed === 0) await addToWipeCount(db, counted, { emptied: true });
  }
  const queue: PhotoQueue = {
    get queued() {
      return queued;
    },
    [Symbol.asyncIterator]: toFetch,
  };
  await mirrorPhotos({ ...context, queue });
}
