// A photo folder's listing compared with the mirror, by the same planner and wipe guard as
// contacts and calendars: a listing is always full (WebDAV folders have no sync token), new
// or changed ETags are fetched, files gone upstream are marked, never deleted, and a run that
// would mark or replace much of the library raises the alarm.
import type { PhotoRecord, Settings } from '../../db/records';
import type { ChangeListing } from '../../sources/source';
import type { RemotePhoto } from '../../sources/photo-source';
import { planCollection, type CollectionPlan, type MirroredRef } from '../plan-collection';
import { assessWipe, type WipeFinding } from '../wipe-guard';

export interface PhotoPlan extends CollectionPlan {
  wipe: WipeFinding | null;
}

export function planPhotoFolder(listed: RemotePhoto[], mirror: ReadonlyMap<string, PhotoRecord>, policy: Pick<Settings, 'wipeShare' | 'wipeMinItems'>): PhotoPlan {
  const listing: ChangeListing = { mode: 'full', items: listed.map(({ href, etag }) => ({ href, etag })), cursor: {} };
  const refs = new Map<string, MirroredRef>([...mirror].map(([path, photo]) => [path, { etag: photo.etag, live: photo.live === 1 }]));
  const plan = planCollection(listing, refs);
  return { ...plan, wipe: assessWipe(listing, plan, refs, policy) };
}
