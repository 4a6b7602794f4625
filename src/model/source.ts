// The one small interface every kind of remote implements (DAV now; feeds, Google, Microsoft
// and photo folders later). The sync engine talks only to this, so it can be tested against a
// memory source and a real server alike.

export type CollectionKind = 'addressbook' | 'calendar';

/** A collection as the server describes it. `href` is an absolute URL. */
export interface RemoteCollection {
  href: string;
  kind: CollectionKind;
  displayName: string;
  /** RFC 6578 sync token, when the server supports sync-collection. */
  syncToken?: string;
  /** CalendarServer getctag: changes whenever anything in the collection changes. */
  ctag?: string;
  supportsSyncCollection: boolean;
  /**
   * Address books: the vCard version to ask for by name, when the server lists it in
   * CARDDAV:supported-address-data (RFC 6352 §6.2.2); unset, the server's default is asked for.
   */
  vcardVersion?: '4.0';
}

/** One item's address and version, as a listing reports it. `href` is an absolute URL. */
export interface RemoteItemRef {
  href: string;
  etag: string;
}

/** One item's full text, exactly as served. */
export interface RemoteItem extends RemoteItemRef {
  data: string;
}

/** An item the server listed but would not hand over (404 in a multiget, bad status). */
export interface RemoteItemFailure {
  href: string;
  error: string;
}

/** What changed in a collection since the cursor the mirror holds. */
export type ChangeListing =
  /** Nothing changed: the ctag or sync token is the same. */
  | { mode: 'unchanged' }
  /**
   * Only the differences (RFC 6578 sync-collection with a valid token). `carried`: changed
   * items whose text came with the listing; the engine takes them instead of fetching them.
   */
  | { mode: 'delta'; changed: RemoteItemRef[]; removed: string[]; cursor: SyncCursor; carried?: RemoteItem[] }
  /** Every item that exists now; whatever the mirror has beyond it was deleted upstream. */
  | { mode: 'full'; items: RemoteItemRef[]; cursor: SyncCursor };

export interface SyncCursor {
  syncToken?: string;
  ctag?: string;
}

export interface ListCollectionsOptions {
  /**
   * Whether each collection's sync token and ctag are wanted (default true). They are compared
   * with a saved cursor to skip an unchanged collection; with no cursor saved yet (the check
   * of the add-account form, an account's first mirror) they serve nothing, and a server such
   * as Radicale computes each over every item of the collection (RFC 6578 §4), so a first
   * listing leaves them out where the source can.
   */
  changeMarks?: boolean;
}

export interface Source {
  listCollections(options?: ListCollectionsOptions): Promise<RemoteCollection[]>;
  /** Never throws for an expired token: it falls back to a full listing instead. */
  listChanges(collection: RemoteCollection, cursor: SyncCursor): Promise<ChangeListing>;
  /** Fetches items in batches; a failed item is reported, never thrown. */
  fetchItems(collection: RemoteCollection, hrefs: string[]): Promise<Array<RemoteItem | RemoteItemFailure>>;
}

/**
 * How a source's errors tell the engine what kind of failure they are: a `code` property.
 * - `auth` with `status` 401: the server refused the credentials; the account is paused until
 *   the person enters a new password (a 403 only refuses one resource, e.g. a shared calendar).
 * - `rate-limited` or `network`: the server is busy or unreachable; the run ends at once rather
 *   than load it with the next collections, and the next scheduled run tries again.
 */
export interface SourceErrorShape {
  code?: string;
  status?: number;
}

export function isFailure(item: RemoteItem | RemoteItemFailure): item is RemoteItemFailure {
  return 'error' in item;
}
