// A change feed's listing compared with the mirror, by the same planner and wipe guard as
// contacts and calendars: a full listing (OneDrive's first delta round) marks what it no
// longer holds, a delta names what changed and what was removed; new or changed ETags are
// fetched, files gone upstream are marked, never deleted, and what the run would do to the
// library is counted for the wipe alarm.
import type { PhotoRecord } from '../../model/photo';
import type { ChangeListing, RemoteItemRef } from '../../model/source';
import type { PhotoChanges, RemotePhoto } from '../../model/photo-source';
import { planCollection, type CollectionPlan } from '../plan-collection';
import type { MirroredRef } from '../../model/mirrored-ref';
import type { WipeCounts } from '../../model/wipe-guard';

export interface PhotoPlan extends CollectionPlan {
  tally: WipeCounts;
}

export const refs = (photos: RemotePhoto[]): RemoteItemRef[] => photos.map(({ href, etag }) => ({ href, etag }));

/** The photos a listing names as they are now (every one, or the changed ones). */
export function listedPhotos(listing: PhotoChanges): RemotePhoto[] {
  return listing.mode === 'full' ? listing.photos : listing.changed;
}

/** Live mirrored files among `hrefs`. */
export function liveAmong(hrefs: string[], mirror: ReadonlyMap<string, MirroredRef>): number {
  return hrefs.filter((href) => mirror.get(href)?.live === true).length;
}

export function planPhotoChanges(listed: PhotoChanges, mirror: ReadonlyMap<string, PhotoRecord>): PhotoPlan {
  const listing: ChangeListing =
    listed.mode === 'full' ? { mode: 'full', items: refs(listed.photos), cursor: {} } : { mode: 'delta', changed: refs(listed.changed), removed: listed.removed, cursor: {} };
  const known = new Map<string, MirroredRef>([...mirror].map(([path, photo]) => [path, { etag: photo.etag, live: photo.live === 1 }]));
  const plan = planCollection(listing, known);
  const liveBefore = [...known.values()].filter((ref) => ref.live).length;
  const emptied = listed.mode === 'full' && listed.photos.length === 0;
  return { ...plan, tally: { liveBefore, deleted: plan.markDeleted.length, changed: liveAmong(plan.fetch, known), emptied } };
}
