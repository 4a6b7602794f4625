// A photo library's listing compared with the mirror, by the same planner and wipe guard as
// contacts and calendars: a full listing (a WebDAV folder has no sync token; OneDrive's first
// delta round) marks what it no longer holds, a delta names what changed and what was removed;
// new or changed ETags are fetched, files gone upstream are marked, never deleted, and a run
// that would mark or replace much of the library raises the alarm.
import type { PhotoRecord, Settings } from '../../db/records';
import type { ChangeListing, RemoteItemRef } from '../../sources/source';
import type { PhotoChanges, RemotePhoto } from '../../sources/photo-source';
import { planCollection, type CollectionPlan, type MirroredRef } from '../plan-collection';
import { assessWipe, type WipeFinding } from '../wipe-guard';

export interface PhotoPlan extends CollectionPlan {
  wipe: WipeFinding | null;
}

const refs = (photos: RemotePhoto[]): RemoteItemRef[] => photos.map(({ href, etag }) => ({ href, etag }));

/** The photos a listing names as they are now (every one, or the changed ones). */
export function listedPhotos(listing: PhotoChanges): RemotePhoto[] {
  return listing.mode === 'full' ? listing.photos : listing.changed;
}

export function planPhotoFolder(listed: PhotoChanges, mirror: ReadonlyMap<string, PhotoRecord>, policy: Pick<Settings, 'wipeShare' | 'wipeMinItems'>): PhotoPlan {
  const listing: ChangeListing =
    listed.mode === 'full' ? { mode: 'full', items: refs(listed.photos), cursor: {} } : { mode: 'delta', changed: refs(listed.changed), removed: listed.removed, cursor: {} };
  const known = new Map<string, MirroredRef>([...mirror].map(([path, photo]) => [path, { etag: photo.etag, live: photo.live === 1 }]));
  const plan = planCollection(listing, known);
  return { ...plan, wipe: assessWipe(listing, plan, known, policy) };
}
