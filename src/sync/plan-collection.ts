// The sync planner: compares what the server lists with what the mirror holds and says
// what to do. Pure and deterministic (no I/O, no clock), like vdirsyncer's sync algorithm,
// so it can be property-tested. It never plans a local deletion: an item gone upstream is
// only *marked* deleted, because a mirror that copies a wipe is no backup.
import type { ChangeListing } from '../model/source';
import type { MirroredRef } from '../model/mirrored-ref';

export interface CollectionPlan {
  /** Items to download: new upstream, changed upstream, or back after a deletion. */
  fetch: string[];
  /** Items the server no longer has: mark them deleted upstream, keep their text. */
  markDeleted: string[];
  /** Items the listing confirmed as they are. */
  unchanged: number;
}

/**
 * `pending`: items the last run could not fetch or read. They are fetched again on every run
 * until they succeed or vanish upstream, because after that run's cursor a delta or an
 * unchanged answer would never mention them again.
 * `mirror` needs only the items the listing names (all of them for a full listing);
 * `mirrored` is how many items the collection holds, counted as unchanged when nothing changed.
 */
export function planCollection(
  listing: ChangeListing,
  mirror: ReadonlyMap<string, MirroredRef>,
  pending: ReadonlySet<string> = new Set(),
  mirrored: number = mirror.size,
): CollectionPlan {
  if (listing.mode === 'unchanged') return { fetch: [...pending], markDeleted: [], unchanged: mirrored };

  const fetch: string[] = [];
  let unchanged = 0;
  const listed = listing.mode === 'full' ? listing.items : listing.changed;
  for (const { href, etag } of listed) {
    const known = mirror.get(href);
    if (known && known.live && known.etag === etag) unchanged++;
    else fetch.push(href);
  }

  const gone = listing.mode === 'full' ? absentFrom(listing.items, mirror) : listing.removed;
  const markDeleted = gone.filter((href) => mirror.get(href)?.live === true);
  // A pending item the server no longer has is not fetched again: it is gone, not failing.
  const stillThere = listing.mode === 'full' ? new Set(listed.map((item) => item.href)) : null;
  const removed = new Set(listing.mode === 'delta' ? listing.removed : []);
  fetch.push(...[...pending].filter((href) => (stillThere ? stillThere.has(href) : !removed.has(href))));
  return { fetch: unique(fetch), markDeleted: unique(markDeleted), unchanged };
}

/** Live mirrored items that a full listing does not mention were deleted upstream. */
function absentFrom(items: ReadonlyArray<{ href: string }>, mirror: ReadonlyMap<string, MirroredRef>): string[] {
  const present = new Set(items.map((item) => item.href));
  return [...mirror.keys()].filter((href) => !present.has(href));
}

function unique(hrefs: string[]): string[] {
  return [...new Set(hrefs)];
}
