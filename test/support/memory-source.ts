// A Source held in memory, for tests of the engine: a server whose contents a test edits
// directly, with RFC 6578-like sync tokens and switches for the failure modes that matter.
import type { ChangeListing, CollectionKind, RemoteCollection, RemoteItem, RemoteItemFailure, Source, SyncCursor } from '../../src/model/source';

interface StoredCollection {
  remote: RemoteCollection;
  items: Map<string, RemoteItem>;
  /** Per token, the hrefs changed or removed after it. */
  log: Array<{ token: number; href: string }>;
  token: number;
}

export class MemorySource implements Source {
  readonly collections = new Map<string, StoredCollection>();
  /** When set, sync tokens are reported invalid (as after a server restore). */
  tokensInvalid = false;
  /** Hrefs whose fetch fails, as a server would with a 404 in a multiget. */
  readonly failingHrefs = new Set<string>();
  requests = 0;

  addCollection(href: string, displayName = href, supportsSyncCollection = true, kind: CollectionKind = 'addressbook'): void {
    this.collections.set(href, {
      remote: { href, kind, displayName, supportsSyncCollection },
      items: new Map(),
      log: [],
      token: 1,
    });
  }

  put(collectionHref: string, href: string, data: string): void {
    const c = this.collection(collectionHref);
    c.token++;
    c.items.set(href, { href, data, etag: `"${c.token}"` });
    c.log.push({ token: c.token, href });
  }

  remove(collectionHref: string, href: string): void {
    const c = this.collection(collectionHref);
    c.token++;
    c.items.delete(href);
    c.log.push({ token: c.token, href });
  }

  listCollections(): Promise<RemoteCollection[]> {
    this.requests++;
    return Promise.resolve([...this.collections.values()].map((c) => ({ ...c.remote, syncToken: `t${c.token}` })));
  }

  listChanges(collection: RemoteCollection, cursor: SyncCursor): Promise<ChangeListing> {
    this.requests++;
    const c = this.collection(collection.href);
    const nextCursor = { syncToken: `t${c.token}` };
    const since = cursor.syncToken ? Number(cursor.syncToken.slice(1)) : NaN;
    if (c.remote.supportsSyncCollection && !this.tokensInvalid && Number.isFinite(since)) {
      if (since === c.token) return Promise.resolve({ mode: 'unchanged' });
      const touched = new Set(c.log.filter((entry) => entry.token > since).map((entry) => entry.href));
      const changed = [...touched].flatMap((href) => {
        const item = c.items.get(href);
        return item ? [{ href, etag: item.etag }] : [];
      });
      const removed = [...touched].filter((href) => !c.items.has(href));
      return Promise.resolve({ mode: 'delta', changed, removed, cursor: nextCursor });
    }
    const items = [...c.items.values()].map(({ href, etag }) => ({ href, etag }));
    return Promise.resolve({ mode: 'full', items, cursor: nextCursor });
  }

  fetchItems(collection: RemoteCollection, hrefs: string[]): Promise<Array<RemoteItem | RemoteItemFailure>> {
    this.requests++;
    const c = this.collection(collection.href);
    return Promise.resolve(
      hrefs.map((href) => {
        const item = c.items.get(href);
        if (!item || this.failingHrefs.has(href)) return { href, error: `The server did not return ${href}` };
        return { ...item };
      }),
    );
  }

  private collection(href: string): StoredCollection {
    const c = this.collections.get(href);
    if (!c) throw new Error(`No collection ${href}`);
    return c;
  }
}

/** A minimal valid vCard 3.0. */
export function card(uid: string, name: string, email = `${uid}@example.com`): string {
  return ['BEGIN:VCARD', 'VERSION:3.0', `UID:${uid}`, `FN:${name}`, `EMAIL:${email}`, 'END:VCARD', ''].join('\r\n');
}
