// The Source for a Microsoft account's calendars: one collection per calendar (/me/calendars).
// Each series master or single event (https://learn.microsoft.com/en-us/graph/api/resources/event)
// becomes one iCalendar object, its exceptions and cancellations included (series-item.ts).
// Changes are found with the delta function on the calendar's events (graph-event-delta.ts):
// the round's @odata.deltaLink is the cursor, the next round names the events added, changed
// (each then read whole with GET /me/events/{id}) and removed (@removed: marked deleted
// upstream, never dropped). A full listing of every event, compared with the mirror,
// happens on the first run, when the delta link has expired (410), where the delta function is
// missing, and once a week whatever happens, to catch anything a round could have missed: the
// cursor's ctag, opaque to the engine, holds when the calendar was last listed whole.
import { createAccountContext, type HttpContextOptions } from '../../http/http-context';
import type { ChangeListing, RemoteCollection, RemoteItem, RemoteItemFailure, RemoteItemRef, Source } from '../../model/source';
import type { GraphConnection } from './graph-contacts-source';
import { EventDeltaUnavailableError, eventDeltaRound, eventDeltaUrl } from './graph-event-delta';
import { DeltaExpiredError, graphGet, graphPages } from './graph-request';
import { seriesItem, type ListedEvent } from './series-item';

/** How long a calendar goes by delta rounds alone before it is listed whole again. */
export const FULL_COMPARE_EVERY_MS = 7 * 24 * 60 * 60 * 1000;

export function createGraphCalendarsSource(conn: GraphConnection, options: HttpContextOptions = {}): Source {
  const ctx = createAccountContext({ serverUrl: conn.graphUrl, username: '', password: '', bearer: conn.bearer, ...(conn.fetch ? { fetch: conn.fetch } : {}) }, options);
  const root = ctx.serverUrl;
  const now = conn.now ?? Date.now;
  // The items this run has read already: a full listing carries every series whole.
  const latest = new Map<string, RemoteItem>();
  const hrefOf = (collection: RemoteCollection, id: string) => `${collection.href}${encodeURIComponent(id)}`;
  const keep = (item: RemoteItem): RemoteItem => {
    latest.set(item.href, item);
    return item;
  };

  async function listAll(collection: RemoteCollection): Promise<RemoteItemRef[]> {
    const { items } = await graphPages<ListedEvent>(ctx, `${collection.href}?$expand=exceptionOccurrences&$top=100`);
    const refs: RemoteItemRef[] = [];
    for (const event of items) {
      if (typeof event?.id !== 'string' || event.id === '') continue;
      const { href, etag } = keep(await seriesItem(hrefOf(collection, event.id), event));
      refs.push({ href, etag });
    }
    return refs;
  }

  /** A full listing, with a new delta round started first: a change made meanwhile comes in the next round. */
  async function full(collection: RemoteCollection): Promise<ChangeListing> {
    const url = eventDeltaUrl(root, collection.href);
    const deltaLink = url ? await eventDeltaRound(ctx, url).then((r) => r.deltaLink, unavailable) : null;
    const items = await listAll(collection);
    return { mode: 'full', items, cursor: deltaLink ? { syncToken: deltaLink, ctag: String(now()) } : {} };
  }

  async function readOne(collection: RemoteCollection, href: string): Promise<RemoteItem | RemoteItemFailure> {
    const id = decodeURIComponent(href.slice(collection.href.length));
    try {
      const event = await graphGet<ListedEvent>(ctx, `${root}me/events/${encodeURIComponent(id)}?$expand=exceptionOccurrences`);
      return keep(await seriesItem(href, event));
    } catch (error) {
      return { href, error: (error as Error).message };
    }
  }

  return {
    async listCollections(): Promise<RemoteCollection[]> {
      const { items } = await graphPages<{ id: string; name: string }>(ctx, `${root}me/calendars`);
      return items.map((c) => ({ href: `${root}me/calendars/${encodeURIComponent(c.id)}/events/`, kind: 'calendar', displayName: c.name, supportsSyncCollection: false }));
    },

    async listChanges(collection, cursor): Promise<ChangeListing> {
      const listedAt = Number(cursor.ctag);
      if (!cursor.syncToken || !(now() - listedAt < FULL_COMPARE_EVERY_MS)) return full(collection);
      try {
        const round = await eventDeltaRound(ctx, cursor.syncToken);
        // A changed event's text is read in fetchItems: its empty ETag never matches the mirror's.
        const changed = round.changed.map((id) => ({ href: hrefOf(collection, id), etag: '' }));
        const removed = round.removed.map((id) => hrefOf(collection, id));
        // An earlier listing's copy of these is out of date: read them anew (or fail, if removed).
        for (const href of [...changed.map((c) => c.href), ...removed]) latest.delete(href);
        return { mode: 'delta', changed, removed, cursor: { syncToken: round.deltaLink ?? cursor.syncToken, ctag: cursor.ctag } };
      } catch (error) {
        if (error instanceof DeltaExpiredError || error instanceof EventDeltaUnavailableError) return full(collection);
        throw error;
      }
    },

    async fetchItems(collection, hrefs) {
      return Promise.all(hrefs.map(async (href) => latest.get(href) ?? readOne(collection, href)));
    },
  };
}

/** No delta function here: no cursor, and the next run lists the calendar whole again. */
function unavailable(error: unknown): null {
  if (error instanceof EventDeltaUnavailableError) return null;
  throw error;
}
