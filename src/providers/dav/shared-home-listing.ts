// Most servers keep an account's address books and calendars under one home (Radicale's
// `/user/`): the contacts' source and the calendars' source would each PROPFIND it, and each
// answer costs the server a pass over every item of every collection for the sync tokens. One
// PROPFIND answers both when they share the connection: it asks what either kind asks.
import type { HttpContext } from '../../http/http-context';
import type { CollectionKind } from '../../model/source';
import { propfind, type MultistatusAnswer } from './dav-propfind';

export type ListingPropfind = (ctx: HttpContext, url: string, depth: '0' | '1', properties: string[]) => Promise<MultistatusAnswer>;

/** What a calendar home is asked beside a calendar's properties, so one answer serves address books too. */
const ADDRESS_BOOK_EXTRA = 'CARD:supported-address-data';

interface Shared {
  properties: Set<string>;
  answer: Promise<MultistatusAnswer>;
  takenBy: Set<CollectionKind>;
}

/**
 * A PROPFIND each kind's listing calls: the first kind to list a URL asks it, the other kind
 * takes that answer if it asked no property the answer lacks. An answer is taken once by each
 * kind: a kind listing again (a later listing, a retry after discovery) asks anew.
 */
export function sharedHomeListing(kinds: readonly CollectionKind[], ask: ListingPropfind = propfind): (kind: CollectionKind) => ListingPropfind {
  const shared = new Map<string, Shared>();
  return (kind) => (ctx, url, depth, properties) => {
    const key = `${depth} ${url}`;
    const entry = shared.get(key);
    if (entry && !entry.takenBy.has(kind) && properties.every((p) => entry.properties.has(p))) {
      entry.takenBy.add(kind);
      if (kinds.every((k) => entry.takenBy.has(k))) shared.delete(key);
      return entry.answer;
    }
    const asked = [...new Set([...properties, ADDRESS_BOOK_EXTRA])];
    const answer = ask(ctx, url, depth, asked);
    shared.set(key, { properties: new Set(asked), answer, takenBy: new Set([kind]) });
    return answer;
  };
}
