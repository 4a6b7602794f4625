// The Source for a Microsoft account's calendars: one collection per calendar (/me/calendars),
// listed whole each run: the series masters and single events of /me/calendars/{id}/events,
// each master with its exceptions ($expand=exceptionOccurrences) and cancelledOccurrences
// (https://learn.microsoft.com/en-us/graph/api/resources/event), turned into one iCalendar
// object per series. A full listing is compared with the mirror, so an event gone upstream is
// marked, never dropped, and the wipe alarm applies. Its ETag is the hash of the object's text.
import { sha256Hex } from '../../archive/sha256';
import { createDavContext, type DavContextOptions } from '../dav/dav-connection';
import type { ChangeListing, RemoteCollection, RemoteItem, Source } from '../source';
import { seriesToIcal, type GraphEvent } from './event-to-ical';
import type { GraphConnection } from './graph-contacts-source';
import { graphPages } from './graph-request';

type ListedEvent = GraphEvent & { exceptionOccurrences?: GraphEvent[]; cancelledOccurrences?: string[] };

/** "OID.<master id>.2025-04-15" → "2025-04-15". */
const cancelledDate = (occurrenceId: string): string => occurrenceId.slice(-10);

export function createGraphCalendarsSource(conn: GraphConnection, options: DavContextOptions = {}): Source {
  const ctx = createDavContext({ serverUrl: conn.graphUrl, username: '', password: '', bearer: conn.bearer, ...(conn.fetch ? { fetch: conn.fetch } : {}) }, options);
  const root = ctx.serverUrl;
  const latest = new Map<string, RemoteItem>();

  async function list(collection: RemoteCollection): Promise<RemoteItem[]> {
    const { items } = await graphPages<ListedEvent>(ctx, `${collection.href}?$expand=exceptionOccurrences&$top=100`);
    const out: RemoteItem[] = [];
    for (const event of items) {
      const { exceptionOccurrences, cancelledOccurrences, ...master } = event;
      const data = seriesToIcal({ master, exceptions: exceptionOccurrences ?? [], cancelled: (cancelledOccurrences ?? []).map(cancelledDate) });
      const item = { href: `${collection.href}${encodeURIComponent(event.id)}`, etag: `"${await sha256Hex(new TextEncoder().encode(data))}"`, data };
      latest.set(item.href, item);
      out.push(item);
    }
    return out;
  }

  return {
    async listCollections(): Promise<RemoteCollection[]> {
      const { items } = await graphPages<{ id: string; name: string }>(ctx, `${root}me/calendars`);
      return items.map((c) => ({ href: `${root}me/calendars/${encodeURIComponent(c.id)}/events/`, kind: 'calendar', displayName: c.name, supportsSyncCollection: false }));
    },
    async listChanges(collection): Promise<ChangeListing> {
      const items = await list(collection);
      return { mode: 'full', items: items.map(({ href, etag }) => ({ href, etag })), cursor: {} };
    },
    async fetchItems(collection, hrefs) {
      if (hrefs.some((href) => !latest.has(href))) await list(collection);
      return hrefs.map((href) => latest.get(href) ?? { href, error: 'No longer in the calendar' });
    },
  };
}
