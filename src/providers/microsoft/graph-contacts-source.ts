// The Source for a Microsoft account's contacts: one address book per contact folder (the
// default one and every folder below it, child folders included: contact-folders.ts), each
// mirrored with its own Graph delta queries
// (https://learn.microsoft.com/en-us/graph/api/contact-delta). The first round lists every
// contact (full); later rounds follow the saved @odata.deltaLink and bring changes and
// @removed entries (delta). An expired delta link (410) starts a new full round, compared with
// the mirror: a wipe is never copied.
import { createAccountContext, type BearerAuth, type HttpContextOptions } from '../../http/http-context';
import type { ChangeListing, RemoteCollection, RemoteItem, RemoteItemRef, Source } from '../../model/source';
import { contactFolders } from './contact-folders';
import { contactToVcard } from './contact-to-vcard';
import { DeltaExpiredError, graphGet, graphPages } from './graph-request';
import type { GraphContact, GraphRemoved } from './graph-types';

export interface GraphConnection {
  /** Graph's root, e.g. https://graph.microsoft.com/v1.0/ */
  graphUrl: string;
  bearer: BearerAuth;
  fetch?: typeof fetch;
  /** The clock, for when a calendar was last listed whole; default Date.now. */
  now?: () => number;
}

const isRemoved = (entry: GraphContact | GraphRemoved): entry is GraphRemoved => '@removed' in entry;

export function createGraphContactsSource(conn: GraphConnection, options: HttpContextOptions = {}): Source {
  const ctx = createAccountContext({ serverUrl: conn.graphUrl, username: '', password: '', bearer: conn.bearer, ...(conn.fetch ? { fetch: conn.fetch } : {}) }, options);
  const root = ctx.serverUrl;
  // The contacts of this run's delta rounds: a delta page carries each whole contact.
  const latest = new Map<string, RemoteItem>();

  const itemOf = (collection: RemoteCollection, contact: GraphContact): RemoteItem => {
    const item = { href: `${collection.href}${encodeURIComponent(contact.id)}`, etag: contact.changeKey ?? contact.lastModifiedDateTime ?? '', data: contactToVcard(contact) };
    latest.set(item.href, item);
    return item;
  };
  const ref = ({ href, etag }: RemoteItemRef): RemoteItemRef => ({ href, etag });

  async function round(collection: RemoteCollection, url: string): Promise<{ changed: RemoteItemRef[]; removed: string[]; deltaLink: string | null }> {
    const { items, deltaLink } = await graphPages<GraphContact | GraphRemoved>(ctx, url);
    const changed: RemoteItemRef[] = [];
    const removed: string[] = [];
    for (const entry of items) {
      // An entry without an id names nothing Lifeboat could store or mark: skipped, not fatal.
      if (typeof entry?.id !== 'string' || entry.id === '') continue;
      if (isRemoved(entry)) {
        const href = `${collection.href}${encodeURIComponent(entry.id)}`;
        // Not served from an earlier round's copy: a removed contact is a failed fetch.
        latest.delete(href);
        removed.push(href);
      } else changed.push(ref(itemOf(collection, entry)));
    }
    return { changed, removed, deltaLink };
  }

  return {
    async listCollections(): Promise<RemoteCollection[]> {
      const folders = await contactFolders(ctx, root);
      const book = (href: string, displayName: string): RemoteCollection => ({ href, kind: 'addressbook', displayName, supportsSyncCollection: true });
      return [book(`${root}me/contacts/`, 'Contacts'), ...folders.map((f) => book(`${root}me/contactFolders/${encodeURIComponent(f.id)}/contacts/`, f.path))];
    },

    async listChanges(collection, cursor): Promise<ChangeListing> {
      if (cursor.syncToken) {
        try {
          const delta = await round(collection, cursor.syncToken);
          return { mode: 'delta', changed: delta.changed, removed: delta.removed, cursor: { syncToken: delta.deltaLink ?? cursor.syncToken } };
        } catch (error) {
          if (!(error instanceof DeltaExpiredError)) throw error;
        }
      }
      const full = await round(collection, `${collection.href}delta`);
      return { mode: 'full', items: full.changed, cursor: full.deltaLink ? { syncToken: full.deltaLink } : {} };
    },

    async fetchItems(collection, hrefs) {
      const out: Array<RemoteItem | { href: string; error: string }> = [];
      for (const href of hrefs) {
        const known = latest.get(href);
        if (known) out.push(known);
        else {
          // An item a previous run could not read: asked for by itself.
          const id = decodeURIComponent(href.slice(collection.href.length));
          out.push(await graphGet<GraphContact>(ctx, `${root}me/contacts/${encodeURIComponent(id)}`).then((c) => itemOf(collection, c), (e: Error) => ({ href, error: e.message })));
        }
      }
      return out;
    },
  };
}
