// Every member of a collection with its ETag, the cheapest way the server allows. RFC 6578 §3.8:
// a sync-collection REPORT with an empty DAV:sync-token is an "initial synchronization" and
// answers with every member and its ETag; Radicale lists 10,000 contacts that way in about a
// tenth of the time its PROPFIND Depth 1 takes (it builds the full property set for each
// member there). A truncated answer (§3.6: 507 with DAV:number-of-matches-within-limits) is
// continued with the token it returns, inside syncCollection. Where the report is missing or
// refused, PROPFIND Depth 1 (list-etags.ts) is the listing every DAV server has.
import type { RemoteItemRef } from '../../model/source';
import type { HttpContext } from '../../http/http-context';
import type { DavKind } from './dav-kind';
import { listEtags } from './list-etags';
import { syncCollection } from './sync-collection';

/** RFC 6578 §3.8: the empty token asks for every member. */
export const INITIAL_SYNC_TOKEN = '';

export interface FullListing {
  items: RemoteItemRef[];
  /** The token the listing itself returned (sync-collection), or the collection's own. */
  syncToken?: string;
  ctag?: string;
  /** How it was listed, for tests and the run log. */
  via: 'sync-collection' | 'propfind';
}

export interface InitialListingOptions {
  /** The collection advertises sync-collection and has not refused it in this source. */
  trySyncCollection: boolean;
  /** Whether a failed report may give way to PROPFIND (see dav-source.ts). */
  fallsBack: (error: unknown) => boolean;
  /** Told when the report failed and PROPFIND was used instead. */
  onRefused?: (error: unknown) => void;
}

export async function listAllMembers(
  ctx: HttpContext,
  kind: DavKind,
  collectionUrl: string,
  options: InitialListingOptions,
): Promise<FullListing> {
  if (options.trySyncCollection) {
    try {
      const all = await syncCollection(ctx, kind, collectionUrl, INITIAL_SYNC_TOKEN);
      // An initial listing has nothing to remove; a member removed while later pages of a
      // truncated answer were read is simply not there (syncCollection keeps the last word).
      return { items: all.changed, syncToken: all.syncToken, via: 'sync-collection' };
    } catch (error) {
      if (!options.fallsBack(error)) throw error;
      options.onRefused?.(error);
    }
  }
  const listing = await listEtags(ctx, kind, collectionUrl);
  return { ...listing, via: 'propfind' };
}
