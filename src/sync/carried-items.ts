// Items a delta listing already carried (model/source.ts: RFC 6578 lets a sync-collection name
// the texts too) are taken from it rather than fetched: the fetch asks only for the others. The
// results are matched by href downstream (read-fetched.ts), so their order does not matter.
import type { ChangeListing, RemoteItem, RemoteItemFailure } from '../model/source';

export type FetchItems = (hrefs: string[]) => Promise<Array<RemoteItem | RemoteItemFailure>>;

export function takingCarried(listing: ChangeListing, fetch: FetchItems): FetchItems {
  const carried = new Map(listing.mode === 'delta' ? (listing.carried ?? []).map((item) => [item.href, item]) : []);
  if (carried.size === 0) return fetch;
  return async (hrefs) => {
    const at = hrefs.flatMap((href) => carried.get(href) ?? []);
    const missing = hrefs.filter((href) => !carried.has(href));
    return missing.length === 0 ? at : [...at, ...(await fetch(missing))];
  };
}
