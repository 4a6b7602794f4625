// The Source the sync engine uses for a CardDAV or CalDAV account.
import type { ChangeListing, CollectionKind, RemoteCollection, Source, SyncCursor } from '../source';
import { createDavContext, type DavConnection } from './dav-connection';
import { AuthError, NetworkError } from './dav-errors';
import { davKind } from './dav-kind';
import { discover, type Discovery } from './discover';
import { listCollections } from './list-collections';
import { listEtags } from './list-etags';
import { DEFAULT_MULTIGET_BATCH, multiget } from './multiget';
import { syncCollection } from './sync-collection';

export interface DavSourceOptions {
  /** Hrefs per multiget REPORT. */
  batchSize?: number;
  /** Per-request timeout. */
  timeoutMs?: number;
}

/**
 * Whether a failed sync-collection should give way to a full listing. RFC 6578 §3.2 says an
 * expired token fails with DAV:valid-sync-token, but not every server says it that way
 * (Xandikos 0.2.8 answers an unknown token with 500), and a server may advertise the report and
 * then refuse it. A full listing is always a correct answer, and if the server is truly broken
 * the listing fails too and that error surfaces. Only "cannot connect" and "bad credentials"
 * are passed on as they are.
 */
function fallsBackToListing(error: unknown): boolean {
  return !(error instanceof NetworkError || error instanceof AuthError);
}

function cursorOf(syncToken: string | undefined, ctag: string | undefined): SyncCursor {
  const cursor: SyncCursor = {};
  if (syncToken !== undefined) cursor.syncToken = syncToken;
  if (ctag !== undefined) cursor.ctag = ctag;
  return cursor;
}

/**
 * `listChanges` compares the cursor with the token and ctag carried by `collection`, so pass a
 * collection from a fresh `listCollections()` (one PROPFIND for all collections of the account).
 */
export function createDavSource(conn: DavConnection, kind: CollectionKind, options: DavSourceOptions = {}): Source {
  const ctx = createDavContext(conn, options.timeoutMs);
  const dav = davKind(kind);
  let discovery: Discovery | undefined;

  return {
    async listCollections(): Promise<RemoteCollection[]> {
      // Discovery costs up to four requests; its answer holds for the life of this source.
      discovery ??= await discover(ctx, dav);
      return listCollections(ctx, dav, discovery);
    },

    async listChanges(collection: RemoteCollection, cursor: SyncCursor): Promise<ChangeListing> {
      if (cursor.syncToken !== undefined && collection.syncToken === cursor.syncToken) return { mode: 'unchanged' };
      if (cursor.ctag !== undefined && collection.ctag === cursor.ctag) return { mode: 'unchanged' };
      if (collection.supportsSyncCollection && cursor.syncToken !== undefined) {
        try {
          const delta = await syncCollection(ctx, dav, collection.href, cursor.syncToken);
          return {
            mode: 'delta',
            changed: delta.changed,
            removed: delta.removed,
            cursor: cursorOf(delta.syncToken, collection.ctag),
          };
        } catch (error) {
          if (!fallsBackToListing(error)) throw error;
        }
      }
      const listing = await listEtags(ctx, dav, collection.href);
      // The collection's token and ctag were read before this listing, so nothing that changes
      // in between can be skipped next time; the listing's own are used only if it had none.
      return {
        mode: 'full',
        items: listing.items,
        cursor: cursorOf(collection.syncToken ?? listing.syncToken, collection.ctag ?? listing.ctag),
      };
    },

    async fetchItems(collection, hrefs) {
      return multiget(ctx, dav, collection.href, hrefs, options.batchSize ?? DEFAULT_MULTIGET_BATCH);
    },
  };
}
