// The address books (or calendars) in the discovered home sets: PROPFIND Depth 1 with the
// properties the sync needs to decide whether anything changed.
import { noneFound } from './none-found';
import type { RemoteCollection } from '../../model/source';
import type { HttpContext } from '../../http/http-context';
import { vcardVersionOf } from './address-data';
import { NotDavError } from './dav-errors';
import type { DavKind } from './dav-kind';
import { propText, type DavEntry } from './dav-multistatus';
import { propfind } from './dav-propfind';
import { CHANGE_MARKS } from './listing-time-limit';
import type { ListingPropfind } from './shared-home-listing';
import { containsElement } from './dav-xml';
import type { Discovery } from '../../model/discovery';

const COLLECTION_PROPERTIES = [
  'D:resourcetype',
  'D:displayname',
  // RFC 6578 §4: the token for sync-collection.
  'D:sync-token',
  // CalendarServer's ctag: changes whenever anything in the collection does; servers without
  // sync-collection (and some with) offer it.
  'CS:getctag',
  // RFC 3253 §3.1.5: whether sync-collection is offered here.
  'D:supported-report-set',
];

/** Address books also say which vCard versions they serve (see address-data.ts). */
const ADDRESS_BOOK_PROPERTIES = [...COLLECTION_PROPERTIES, 'CARD:supported-address-data'];

function lastSegment(href: string): string {
  const parts = new URL(href).pathname.split('/').filter((p) => p !== '');
  const last = parts[parts.length - 1] ?? href;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

export function toCollection(entry: DavEntry, kind: DavKind): RemoteCollection | undefined {
  if (entry.status !== undefined && entry.status !== 200) return undefined;
  if (!containsElement(entry.props.resourcetype, kind.resourceType)) return undefined;
  const syncToken = propText(entry, 'sync-token');
  const reportSet = entry.props['supported-report-set'];
  const collection: RemoteCollection = {
    href: entry.href,
    kind: kind.kind,
    displayName: propText(entry, 'displayname') ?? lastSegment(entry.href),
    // Some servers leave supported-report-set out; a sync-token is then the best hint, and a
    // wrong guess costs one failed REPORT before the full listing (see dav-source.ts).
    supportsSyncCollection:
      reportSet === undefined ? syncToken !== undefined : containsElement(reportSet, 'sync-collection'),
  };
  if (syncToken !== undefined) collection.syncToken = syncToken;
  const ctag = propText(entry, 'getctag');
  if (ctag !== undefined) collection.ctag = ctag;
  const vcardVersion = kind.kind === 'addressbook' ? vcardVersionOf(entry) : undefined;
  if (vcardVersion !== undefined) collection.vcardVersion = vcardVersion;
  return collection;
}

export async function listCollections(
  ctx: HttpContext,
  kind: DavKind,
  discovery: Discovery,
  /** Shared with the account's other kind when both list the same home (shared-home-listing.ts). */
  listingPropfind: ListingPropfind = propfind,
  /** False: no sync token nor ctag asked (no cursor to compare them with, model/source.ts). */
  changeMarks = true,
): Promise<RemoteCollection[]> {
  const found = new Map<string, RemoteCollection>();
  const lookups = [
    ...discovery.homes.map((url) => ({ url, depth: '1' as const })),
    ...discovery.collections.map((url) => ({ url, depth: '0' as const })),
  ];
  const all = kind.kind === 'addressbook' ? ADDRESS_BOOK_PROPERTIES : COLLECTION_PROPERTIES;
  // A ctag only decides "unchanged" where no sync token does (dav-source.ts's listChanges).
  const properties = !changeMarks ? all.filter((name) => !CHANGE_MARKS.has(name)) : discovery.tokensOnly === true ? all.filter((name) => name !== 'CS:getctag') : all;
  for (const { url, depth } of lookups) {
    const answer = await listingPropfind(ctx, url, depth, properties);
    for (const entry of answer.entries) {
      const collection = toCollection(entry, kind);
      if (collection && !found.has(collection.href)) found.set(collection.href, collection);
    }
  }
  if (found.size === 0 && discovery.guessed) {
    throw new NotDavError(discovery.homes[0] ?? ctx.serverUrl, noneFound(kind));
  }
  return [...found.values()];
}
