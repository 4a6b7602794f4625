// What a listing of the contacts or calendar service holds until the engine fetches it: each
// item's JSON under the href the engine knows it by. The engine lists a collection, then fetches
// its items in batches (sync/fetch-ahead.ts); keeping the listing's JSON here spares asking the
// service for the whole address book again per batch. Each item is handed over once and then
// forgotten, and at most a few collections' listings are held, so memory stays bounded by the
// collections being mirrored side by side (sync/run-bounded.ts runs three).
import type { RemoteItemRef } from '../../model/source';
import { sha256Hex } from '../../hash/sha256';
import { canonicalJson } from './kept-fields';

type Json = Record<string, unknown>;

export interface ListedItem {
  json: Json;
  etag: string;
}

/** Listings held at once; an older one is dropped (its items are listed again if asked for). */
const HELD_LISTINGS = 4;

/** The item's address: its id under the collection, or for an item without one, its content's hash. */
export async function listedItems(collectionHref: string, items: Json[], idField: string, extension: string): Promise<Map<string, ListedItem>> {
  const listed = new Map<string, ListedItem>();
  for (const json of items) {
    const hash = async () => sha256Hex(new TextEncoder().encode(canonicalJson(json)));
    const id = json[idField];
    const href = `${collectionHref}${encodeURIComponent(typeof id === 'string' && id !== '' ? id : `sha256-${await hash()}`)}.${extension}`;
    if (listed.has(href)) continue; // an event listed in two windows, a contact on two pages
    // The service's own etag; an item without one is versioned by its content.
    const etag = typeof json.etag === 'string' && json.etag !== '' ? json.etag : `"${await hash()}"`;
    listed.set(href, { json, etag });
  }
  return listed;
}

export function refsOf(listed: Map<string, ListedItem>): RemoteItemRef[] {
  return [...listed].map(([href, { etag }]) => ({ href, etag }));
}

export class ListingCache {
  private readonly listings = new Map<string, Map<string, ListedItem>>();

  hold(collectionHref: string, listed: Map<string, ListedItem>): void {
    this.listings.delete(collectionHref);
    this.listings.set(collectionHref, new Map(listed));
    for (const oldest of this.listings.keys()) {
      if (this.listings.size <= HELD_LISTINGS) break;
      this.listings.delete(oldest);
    }
  }

  /** The item, handed over once; undefined when this listing does not hold it (any more). */
  take(collectionHref: string, href: string): ListedItem | undefined {
    const listing = this.listings.get(collectionHref);
    const item = listing?.get(href);
    listing?.delete(href);
    if (listing?.size === 0) this.listings.delete(collectionHref);
    return item;
  }

  /** Items held, for tests of the bound. */
  get size(): number {
    let n = 0;
    for (const listing of this.listings.values()) n += listing.size;
    return n;
  }
}
