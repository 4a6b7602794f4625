// Contacts and calendars through the icloud.com session (issue 19): the contacts web service's
// one address book and each calendar of the calendar web service, listed in full with the
// service's own etags, the JSON turned into vCard 4.0 and iCalendar by contact-to-vcard.ts and
// event-to-ical.ts. Neither service offers a change feed a client is known to use, so a
// collection whose ctag is the one the mirror holds is `unchanged` (the address book's ctag is
// /co/startup's syncToken, a calendar's its own ctag); any other is listed whole, and the
// engine finds what changed and what was deleted by comparing etags (sync/plan-collection.ts).
// A no-change run asks validate, /co/startup and /ca/allcollections: three requests.
//
// Errors: a session that ends (421, 450) is IcloudSignedOutError, thrown from whatever call met
// it, so the run stops and claims nothing it did not finish (sync/sync-collection.ts saves a
// cursor only after every batch); an answer of another shape is IcloudUnexpectedAnswerError
// (icloud-json.ts). An item that cannot be written out is a RemoteItemFailure with the reason,
// in the run log and asked again next run.
import { t } from '../../catalog/catalog-text';
import type { HttpContext } from '../../http/http-context';
import { HttpError } from '../../http/http-errors';
import type { ChangeListing, RemoteCollection, RemoteItem, RemoteItemFailure, Source, SyncCursor } from '../../model/source';
import { eventDetail, eventWindows, listCalendars, listEvents } from './calendar-client';
import { contactToVcard } from './contact-to-vcard';
import { contactsStartup, listContacts, type ContactsStartup, type ServiceAt } from './contacts-client';
import { eventToIcal } from './event-to-ical';
import { ListingCache, listedItems, refsOf, type ListedItem } from './listed-items';
import type { SessionGetter } from './session-once';

type Json = Record<string, unknown>;

/** The address book's href: one per account, under the contacts service. */
export function addressBookHref(contactsBase: string): string {
  return new URL('co/contacts/', contactsBase.endsWith('/') ? contactsBase : `${contactsBase}/`).href;
}

const CALENDAR_PATH = 'ca/calendars/';

/** A calendar's href: stable per calendar guid. */
export function calendarHref(calendarBase: string, guid: string): string {
  return new URL(`${CALENDAR_PATH}${encodeURIComponent(guid)}/`, calendarBase.endsWith('/') ? calendarBase : `${calendarBase}/`).href;
}

function guidOf(href: string): string {
  const path = new URL(href).pathname;
  return decodeURIComponent(path.slice(path.lastIndexOf(`/${CALENDAR_PATH}`) + CALENDAR_PATH.length + 1).replace(/\/$/, ''));
}

/**
 * The source of an iCloud account's contacts and calendars. `thisYear` (the current year
 * otherwise) sets the last window events are asked in: tests fix it so their requests are the
 * same every year.
 */
export function createIcloudItemsSource(params: { ctx: HttpContext; session: SessionGetter; thisYear?: number }): Source {
  const { ctx, session } = params;
  const thisYear = params.thisYear ?? new Date().getUTCFullYear();
  const cache = new ListingCache();
  /** /co/startup's answer from listCollections, used once by the address book's listing. */
  let startup: ContactsStartup | null = null;
  /**
   * One pass over every window gives every calendar's events: each calendar takes its own once
   * (calendars listed side by side share the pass in flight); a calendar listed again starts a
   * new pass.
   */
  let sweep: { events: Promise<Map<string, Json[]>>; taken: Set<string> } | null = null;

  const service = async (name: 'contacts' | 'calendar'): Promise<ServiceAt> => {
    const s = await session();
    return { base: s.services[name] ?? '', params: s.params };
  };

  async function listAddressBook(href: string): Promise<Map<string, ListedItem>> {
    const contacts = await service('contacts');
    const tokens = startup ?? (await contactsStartup(ctx, contacts));
    startup = null;
    return listedItems(href, await listContacts(ctx, contacts, tokens), 'contactId', 'vcf');
  }

  async function sweepEvents(): Promise<Map<string, Json[]>> {
    const calendar = await service('calendar');
    const byCalendar = new Map<string, Json[]>();
    for (const window of eventWindows(thisYear)) {
      for (const event of await listEvents(ctx, calendar, window)) {
        const pGuid = typeof event.pGuid === 'string' ? event.pGuid : '';
        const events = byCalendar.get(pGuid);
        if (events) events.push(event);
        else byCalendar.set(pGuid, [event]);
      }
    }
    return byCalendar;
  }

  async function listCalendar(href: string): Promise<Map<string, ListedItem>> {
    const guid = guidOf(href);
    if (!sweep || sweep.taken.has(guid)) sweep = { events: sweepEvents(), taken: new Set() };
    const current = sweep;
    current.taken.add(guid);
    const byCalendar = await current.events.catch((error: unknown) => {
      if (sweep === current) sweep = null;
      throw error;
    });
    const events = byCalendar.get(guid) ?? [];
    byCalendar.delete(guid);
    return listedItems(href, events, 'guid', 'ics');
  }

  const listingOf = (collection: RemoteCollection) => (collection.kind === 'addressbook' ? listAddressBook(collection.href) : listCalendar(collection.href));

  /** The event whole, when the listing says it left details out (`extendedDetailsAreIncluded`). */
  async function whole(collection: RemoteCollection, json: Json): Promise<Json> {
    if (collection.kind !== 'calendar' || json.extendedDetailsAreIncluded !== false) return json;
    if (typeof json.pGuid !== 'string' || typeof json.guid !== 'string') return json;
    return eventDetail(ctx, await service('calendar'), json.pGuid, json.guid);
  }

  /** The item converted; an event whose details are gone meanwhile (404) is a failed fetch, as a DAV multiget says it. */
  async function wholeItem(collection: RemoteCollection, href: string, item: ListedItem): Promise<RemoteItem | RemoteItemFailure> {
    try {
      return convert(collection, href, { ...item, json: await whole(collection, item.json) });
    } catch (error) {
      if (error instanceof HttpError && (error.status === 404 || error.status === 410)) return { href, error: t('icloudItemsGone') };
      throw error;
    }
  }

  function convert(collection: RemoteCollection, href: string, { json, etag }: ListedItem): RemoteItem | RemoteItemFailure {
    try {
      return { href, etag, data: collection.kind === 'addressbook' ? contactToVcard(json) : eventToIcal(json) };
    } catch (error) {
      return { href, error: t('icloudItemsUnconvertible', error instanceof Error ? error.message : String(error)) };
    }
  }

  return {
    async listCollections(): Promise<RemoteCollection[]> {
      const s = await session();
      const collections: RemoteCollection[] = [];
      if (s.services.contacts) {
        startup = await contactsStartup(ctx, { base: s.services.contacts, params: s.params });
        collections.push({ href: addressBookHref(s.services.contacts), kind: 'addressbook', displayName: t('icloudItemsAddressBook'), ctag: startup.syncToken, supportsSyncCollection: false, vcardVersion: '4.0' });
      }
      if (s.services.calendar) {
        for (const calendar of await listCalendars(ctx, { base: s.services.calendar, params: s.params }, thisYear)) {
          if (typeof calendar.guid !== 'string' || calendar.guid === '') continue;
          const title = typeof calendar.title === 'string' && calendar.title.trim() !== '' ? calendar.title : calendar.guid;
          collections.push({
            href: calendarHref(s.services.calendar, calendar.guid),
            kind: 'calendar',
            displayName: title,
            ...(typeof calendar.ctag === 'string' && calendar.ctag !== '' ? { ctag: calendar.ctag } : {}),
            supportsSyncCollection: false,
          });
        }
      }
      return collections;
    },

    async listChanges(collection: RemoteCollection, cursor: SyncCursor): Promise<ChangeListing> {
      if (collection.ctag !== undefined && cursor.ctag === collection.ctag) return { mode: 'unchanged' };
      const listed = await listingOf(collection);
      cache.hold(collection.href, listed);
      // The ctag read before the listing: a change made meanwhile gives the next run another one.
      return { mode: 'full', items: refsOf(listed), cursor: collection.ctag === undefined ? {} : { ctag: collection.ctag } };
    },

    async fetchItems(collection: RemoteCollection, hrefs: string[]): Promise<Array<RemoteItem | RemoteItemFailure>> {
      const results: Array<RemoteItem | RemoteItemFailure> = [];
      let relisted: Map<string, ListedItem> | null = null;
      for (const href of hrefs) {
        let item = cache.take(collection.href, href);
        // Not held (an item left over from an earlier run, or a listing dropped): list again, once.
        if (!item) {
          relisted ??= await listingOf(collection);
          item = relisted.get(href);
          relisted.delete(href);
        }
        if (!item) results.push({ href, error: t('icloudItemsGone') });
        else results.push(await wholeItem(collection, href, item));
      }
      return results;
    },
  };
}
