// The Source the sync engine uses for a CardDAV or CalDAV account.
import type { ChangeListing, CollectionKind, ListCollectionsOptions, RemoteCollection, Source, SyncCursor } from '../../model/source';
import { createAccountContext, type AccountConnection, type HttpContextOptions } from '../../http/http-context';
import { AuthError, HttpError } from '../../http/http-errors';
import { NotDavError } from './dav-errors';
import { EndlessListingError } from '../../http/policy-errors';
import type { HostLimiter } from '../../http/host-limiter';
import { davKind } from './dav-kind';
import { discover } from './discover';
import type { Discovery } from '../../model/discovery';
import { listCollections } from './list-collections';
import type { ListingPropfind } from './shared-home-listing';
import { listAllMembers } from './initial-listing';
import { MAX_MULTIGET_HREFS, multiget } from './multiget';
import type { RetryPolicy } from '../../http/retry-policy';
import { isTransient } from '../../http/transient-errors';
import { syncCollection } from './sync-collection';

export interface DavSourceOptions extends HttpContextOptions {
  /** Hrefs per multiget REPORT; unset, the engine's batch (sized by bytes) is one REPORT. */
  batchSize?: number;
  /** Per-request timeout. */
  timeoutMs?: number;
  /** Overrides of the retry policy: fewer attempts for an interactive check, a fake sleep in tests. */
  retry?: Partial<RetryPolicy>;
  /** Default: the limiter every DAV source of the worker shares. */
  limiter?: HostLimiter;
  /**
   * Where an earlier run found the collections (`source.discovery` after it listed them). Saves
   * the 2–4 discovery requests each fresh source would make; if those homes are gone
   * (404, 410, no longer DAV), the source discovers again by itself.
   */
  discovery?: Discovery;
  /** The PROPFIND of the collection listing, when another kind's source shares its answers. */
  listingPropfind?: ListingPropfind;
}

/** A DAV Source, which also tells where it found the collections, to be kept for next time. */
export interface DavSource extends Source {
  readonly discovery: Discovery | undefined;
}

/** A remembered home that no longer answers as one: the account moved, discover again. */
function homeMoved(error: unknown): boolean {
  return error instanceof NotDavError || (error instanceof HttpError && (error.status === 404 || error.status === 410));
}

/**
 * Whether a failed sync-collection should give way to a full listing. RFC 6578 §3.2 says an
 * expired token fails with DAV:valid-sync-token, but not every server says it that way
 * (Xandikos 0.2.8 answers an unknown token with 500), and a server may advertise the report and
 * then refuse it (RFC 3253 §3.6: 403 with DAV:supported-report; some say 501). A full listing is
 * always a correct answer, and if the server is truly broken the listing fails too and that
 * error surfaces. Passed on as they are: no connection, a 401 (the credentials), and a server
 * that is busy or cutting answers off (a full listing would only load it more).
 */
function fallsBackToListing(error: unknown): boolean {
  if (error instanceof AuthError) return error.status !== 401;
  return !isTransient(error);
}

/**
 * A refusal of the report itself (405/501, or 403 that is not about the token), or a report
 * that never ended (the same token handed out with "more to come"), remembered so the source
 * does not ask again, not even for the initial listing. Not a 500: Xandikos answers an unknown
 * token that way, and the next token may work.
 */
function refusesReport(error: unknown): boolean {
  return error instanceof NotDavError || error instanceof EndlessListingError || (error instanceof AuthError && error.status === 403);
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
export function createDavSource(conn: AccountConnection, kind: CollectionKind, options: DavSourceOptions = {}): DavSource {
  const ctx = createAccountContext(conn, options);
  const dav = davKind(kind);
  let discovery = options.discovery;
  let remembered = discovery !== undefined;
  // Collections whose server refused sync-collection once: not asked again by this source.
  const refusesSyncCollection = new Set<string>();

  return {
    get discovery() {
      return discovery;
    },

    async listCollections({ changeMarks = true }: ListCollectionsOptions = {}): Promise<RemoteCollection[]> {
      // Discovery costs up to four requests; its answer holds for the life of this source.
      discovery ??= await discover(ctx, dav);
      const list = async (marks: boolean): Promise<RemoteCollection[]> => {
        try {
          return await listCollections(ctx, dav, discovery!, options.listingPropfind, marks);
        } catch (error) {
          if (!remembered || !homeMoved(error)) throw error;
          remembered = false;
          discovery = await discover(ctx, dav);
          return listCollections(ctx, dav, discovery, options.listingPropfind, marks);
        }
      };
      if (!changeMarks) {
        const collections = await list(false);
        // A collection listed by PROPFIND rather than sync-collection keeps the token and ctag
        // read before its listing (listChanges below): ask them where the report is not offered.
        if (collections.every((c) => c.supportsSyncCollection)) {
          // Every collection offers the report, so each will carry a token: the next listing
          // (which compares them with the cursors) needs no ctag.
          discovery = { ...discovery, tokensOnly: collections.length > 0 };
          return collections;
        }
      }
      const collections = await list(true);
      // Remembered with the homes: the next listing asks the ctag only if some collection needs it.
      const tokensOnly = collections.length > 0 && collections.every((c) => c.syncToken !== undefined && c.supportsSyncCollection);
      discovery = { ...discovery, tokensOnly };
      return collections;
    },

    async listChanges(collection: RemoteCollection, cursor: SyncCursor): Promise<ChangeListing> {
      if (cursor.syncToken !== undefined && collection.syncToken === cursor.syncToken) return { mode: 'unchanged' };
      if (cursor.ctag !== undefined && collection.ctag === cursor.ctag) return { mode: 'unchanged' };
      const syncCollectionWorks = () => collection.supportsSyncCollection && !refusesSyncCollection.has(collection.href);
      const remember = (error: unknown): void => {
        if (refusesReport(error)) refusesSyncCollection.add(collection.href);
      };
      if (syncCollectionWorks() && cursor.syncToken !== undefined) {
        try {
          // The changed texts come with the listing, as fetchItems would ask them (one request, not two).
          const delta = await syncCollection(ctx, dav, collection.href, cursor.syncToken, { carry: { vcardVersion: collection.vcardVersion } });
          return {
            mode: 'delta',
            changed: delta.changed,
            removed: delta.removed,
            cursor: cursorOf(delta.syncToken, collection.ctag),
            carried: delta.carried,
          };
        } catch (error) {
          if (!fallsBackToListing(error)) throw error;
          remember(error);
        }
      }
      const listing = await listAllMembers(ctx, dav, collection.href, {
        trySyncCollection: syncCollectionWorks(),
        fallsBack: fallsBackToListing,
        onRefused: remember,
      });
      // A sync-collection listing's own token stands for exactly what it listed. A PROPFIND's
      // does not: the collection's token and ctag were read before it, so nothing that changes
      // in between can be skipped next time; the listing's own are used only if it had none.
      const syncToken = listing.via === 'sync-collection' ? listing.syncToken : (collection.syncToken ?? listing.syncToken);
      return { mode: 'full', items: listing.items, cursor: cursorOf(syncToken, collection.ctag ?? listing.ctag) };
    },

    async fetchItems(collection, hrefs) {
      const wanted = { vcardVersion: collection.vcardVersion };
      return multiget(ctx, dav, collection.href, hrefs, options.batchSize ?? MAX_MULTIGET_HREFS, wanted);
    },
  };
}
