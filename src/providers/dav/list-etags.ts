// Every member of a collection with its ETag: PROPFIND Depth 1 (RFC 4918 §9.1). The full
// comparison the sync falls back to when no delta is possible (RFC 6352 §8.3 describes the same
// for servers without sync-collection).
import type { RemoteItemRef } from '../../model/source';
import type { HttpContext } from '../../http/http-context';
import { sameResource } from './dav-href';
import { isItemMediaType, type DavKind } from './dav-kind';
import { propText, type DavEntry } from './dav-multistatus';
import { propfind } from './dav-propfind';

export interface EtagListing {
  items: RemoteItemRef[];
  /** The collection's own token and ctag, read in the same answer. */
  syncToken?: string;
  ctag?: string;
}

function isItem(entry: DavEntry, kind: DavKind, collectionUrl: string): boolean {
  if (entry.status !== undefined && entry.status !== 200) return false;
  if (sameResource(entry.href, collectionUrl) || entry.href.endsWith('/')) return false;
  // resourcetype with a child (collection, addressbook…) is a folder, not an item.
  const resourceType = entry.props.resourcetype;
  if (resourceType !== undefined && typeof resourceType !== 'string') {
    if (Object.keys(resourceType).some((name) => name !== '#text')) return false;
  }
  // getcontenttype skips non-vCard / non-iCalendar members (attachments, server files).
  return isItemMediaType(kind, propText(entry, 'getcontenttype'));
}

export async function listEtags(ctx: HttpContext, kind: DavKind, collectionUrl: string): Promise<EtagListing> {
  const answer = await propfind(ctx, collectionUrl, '1', [
    'D:resourcetype',
    'D:getetag',
    'D:getcontenttype',
    'D:sync-token',
    'CS:getctag',
  ]);
  const listing: EtagListing = { items: [] };
  const seen = new Set<string>();
  for (const entry of answer.entries) {
    if (sameResource(entry.href, collectionUrl) || sameResource(entry.href, answer.url)) {
      const syncToken = propText(entry, 'sync-token');
      const ctag = propText(entry, 'getctag');
      if (syncToken !== undefined) listing.syncToken = syncToken;
      if (ctag !== undefined) listing.ctag = ctag;
      continue;
    }
    if (!isItem(entry, kind, collectionUrl) || seen.has(entry.href)) continue;
    seen.add(entry.href);
    listing.items.push({ href: entry.href, etag: propText(entry, 'getetag') ?? '' });
  }
  return listing;
}
