// A run of a library with a change feed (OneDrive): what changed since the saved cursor, or
// everything, planned against the mirror at once (a delta names only changes, so its plan is
// small after the first run), vanished files marked, changed and new ones downloaded. The
// cursor is saved only after a run that stored every change: a file that failed is not named
// by the next delta, so the next run asks from the old cursor.
import { getAccount, updateAccount } from '../../db/accounts';
import { markPhotosDeleted, mirroredPhotos } from '../../db/photos/photo-writes';
import type { ChangeFeedSource } from '../../model/photo-source';
import { photoId } from '../../photos/photo-record';
import { addToWipeCount } from '../../db/wipe-marks';
import { photoCollectionId } from '../../model/wipe-mark';
import { listedPhotos, planPhotoChanges } from './photo-folder-plan';
import { mirrorPhotos, queueOf } from './mirror-photos';
import type { PhotoRunContext } from './photo-sync-deps';

export async function mirrorChanges(context: PhotoRunContext<ChangeFeedSource>): Promise<void> {
  const { db, now, run } = context;
  const { account, counts, errors } = run;
  // Read now, not from the record the run started with: the previous run may have saved one.
  const listing = await context.source.listChanges((await getAccount(db, account.id)).photoCursor ?? null);
  const mirror = await mirroredPhotos(db, account.id);
  const plan = planPhotoChanges(listing, mirror);
  counts.unchanged += plan.unchanged;
  // The marks and their count for the wipe alarm in one transaction (db/wipe-marks.ts).
  await db.transaction('rw', [db.photos, db.wipeMarks], async () => {
    await markPhotosDeleted(db, plan.markDeleted.map((path) => photoId(account.id, path)), now());
    // Changed files are counted when their new bytes are stored (photo-writes.ts), by content.
    const { deleted, emptied } = plan.tally;
    await addToWipeCount(db, photoCollectionId(account.id), { deleted, emptied });
  });
  counts.deletedUpstream += plan.markDeleted.length;
  const byHref = new Map(listedPhotos(listing).map((photo) => [photo.href, photo]));
  const queue = plan.fetch.map((href) => ({ photo: byHref.get(href)!, mirrored: mirror.has(href) }));
  await mirrorPhotos({ ...context, queue: queueOf(queue) });
  const cursor = listing.cursor;
  if (cursor !== null && errors.length === 0) await run.checkpoint(() => updateAccount(db, account.id, { photoCursor: cursor }));
}
