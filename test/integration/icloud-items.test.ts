// Contacts and calendars through the icloud.com session, against the reproduction of iCloud's
// web services and through the real engine and readers: 500 contacts and a calendar listed,
// fetched and converted; upstream changes seen as changes and deletions; a run with nothing new
// asks three requests; a session ending mid-run stops the run with "sign in at icloud.com" and
// claims nothing it did not finish.
import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertAccount } from '../../src/db/accounts';
import { createHttpContext } from '../../src/http/http-context';
import { eventWindows, listCalendars } from '../../src/providers/icloud-web/calendar-client';
import { contactsStartup, listContacts } from '../../src/providers/icloud-web/contacts-client';
import { IcloudSignedOutError } from '../../src/providers/icloud-web/icloud-errors';
import { validateSession } from '../../src/providers/icloud-web/web-session';
import { createIcloudItemsSource } from '../../src/providers/icloud-web/items-source';
import { sessionOnce } from '../../src/providers/icloud-web/session-once';
import { readers } from '../../src/sync/readers';
import { syncAccount } from '../../src/sync/sync-account';
import { startIcloudWebServer, type IcloudWebServer } from '../harness/icloud/icloud-web-server';
import { SAMPLE_CALENDAR, seedSampleAccount } from '../harness/icloud/sample-account';
import { icloudBrowserFetch } from '../support/icloud-browser-fetch';
import { freshDb } from '../support/test-db';

let icloud: IcloudWebServer;

beforeEach(async () => {
  icloud = await startIcloudWebServer();
  icloud.signIn();
});
afterEach(async () => icloud.stop());

function sessionContext() {
  const browser = icloudBrowserFetch(icloud);
  return createHttpContext({ serverUrl: icloud.setupUrl, authorization: '', credentials: 'browser-session', fetch: browser.fetch, options: { retry: { sleep: () => Promise.resolve() } } });
}

function itemsSource() {
  const ctx = sessionContext();
  return createIcloudItemsSource({ ctx, session: sessionOnce(ctx, icloud.setupUrl), thisYear: 2026 });
}

async function mirror() {
  const db = freshDb();
  const account = await insertAccount(db, { id: 'icloud', kind: 'icloud-web', label: 'iCloud', serverUrl: icloud.setupUrl, calendarServerUrl: null, services: ['addressbook', 'calendar'], username: '' }, 1);
  let clock = 1_000;
  const run = () => syncAccount({ db, source: itemsSource(), readers, now: () => clock++ }, account);
  return { db, run };
}

const requestsOf = (from: number) => icloud.log.slice(from).map((line) => line.replace(/^\d+ /, ''));

describe('iCloud contacts and calendars through the icloud.com session', () => {
  it('mirrors 500 contacts and a calendar, converted, then asks three requests when nothing changed', async () => {
    seedSampleAccount(icloud, { contacts: 500, events: 20, photos: 0 });
    icloud.calendar.putEvent({ guid: 'EV-ALLDAY', pGuid: SAMPLE_CALENDAR, title: 'Holiday', start: '2025-07-14T00:00', end: '2025-07-15T00:00', allDay: true });
    icloud.calendar.putCalendar({ guid: 'work', title: 'Work' });
    icloud.calendar.putEvent({ guid: 'EV-WORK', pGuid: 'work', title: 'Review', start: '1987-06-01T14:00', end: '1987-06-01T15:00', tz: 'Europe/London' });
    const { db, run } = await mirror();

    expect(await run()).toMatchObject({ outcome: 'ok', added: 522, changed: 0, errors: [] });
    const collections = await db.collections.toArray();
    expect(collections.map((c) => [c.kind, c.displayName]).sort()).toEqual([['addressbook', 'iCloud Contacts'], ['calendar', 'Home'], ['calendar', 'Work']]);
    // Both calendars, listed side by side, share one pass over the windows.
    expect(icloud.log.filter((l) => l.includes('/ca/events'))).toHaveLength(eventWindows(2026).length);
    const ada = await db.items.filter((i) => i.title === 'Ada3 Lovelace3').first();
    expect(ada?.unreadable).toBeUndefined();
    const card = ICAL.Component.fromString(ada!.raw);
    expect(card.getFirstPropertyValue('email')).toBe('ada3@example.org');
    expect(card.getFirstPropertyValue('org')).toBe('Analytical Engines');
    expect(ada!.raw.replace(/\r\n /g, '')).toContain('X-ICLOUD-ETAG;X-FIELD=etag:"C=');

    const meeting = await db.items.filter((i) => i.title === 'Meeting 4').first();
    const event = ICAL.Component.fromString(meeting!.raw).getFirstSubcomponent('vevent')!;
    expect(event.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Europe/Paris');
    expect(event.getFirstPropertyValue('dtstart')!.toString()).toBe('2024-03-05T09:30:00');
    expect(event.getFirstPropertyValue('location')).toBe('Room 1');
    const holiday = await db.items.filter((i) => i.title === 'Holiday').first();
    expect(holiday?.raw).toContain('DTSTART;VALUE=DATE:20250714');
    expect(holiday?.raw).toContain('DTEND;VALUE=DATE:20250715');

    const before = icloud.log.length;
    expect(await run()).toMatchObject({ outcome: 'ok', added: 0, changed: 0, deletedUpstream: 0, unchanged: 522 });
    expect(requestsOf(before)).toEqual(['setup /setup/ws/1/validate', 'contacts /co/startup', 'calendar /ca/allcollections']);
  });

  it('sees upstream edits, additions and deletions as such, and the same JSON gives the same text', async () => {
    seedSampleAccount(icloud, { contacts: 8, events: 6, photos: 0 });
    const { db, run } = await mirror();
    await run();
    const rawBefore = new Map((await db.items.toArray()).map((i) => [i.href, i.raw]));

    icloud.contacts.putContact({ contactId: 'C0A1-000002', firstName: 'Grace', lastName: 'Hopper', notes: 'COBOL; compilers,\nand 🐛' });
    icloud.contacts.removeContact('C0A1-000005');
    icloud.calendar.putEvent({ guid: 'EV-NEW', pGuid: SAMPLE_CALENDAR, title: 'New', start: '2026-01-02T08:00', end: '2026-01-02T09:00', tz: 'Asia/Tokyo' });
    icloud.calendar.removeEvent(SAMPLE_CALENDAR, 'EV-000003');
    expect(await run()).toMatchObject({ outcome: 'ok', added: 1, changed: 1, deletedUpstream: 2 });

    const grace = await db.items.filter((i) => i.title === 'Grace Hopper' && i.live === 1).first();
    expect(ICAL.Component.fromString(grace!.raw).getFirstPropertyValue('note')).toBe('COBOL; compilers,\nand 🐛');
    // Items untouched upstream keep their text byte for byte.
    for (const item of await db.items.toArray()) {
      if (item.live === 1 && !item.raw.includes('Grace') && rawBefore.has(item.href)) expect(item.raw).toBe(rawBefore.get(item.href));
    }
  });

  it('stops with "sign in at icloud.com" when the session ends mid-run, claims nothing, and finishes once signed in again', async () => {
    seedSampleAccount(icloud, { contacts: 30, events: 5, photos: 0 });
    const { db, run } = await mirror();
    // validate, /co/startup, /ca/allcollections, the contacts' listing, then a few year windows.
    icloud.expireSessionAfter(8);
    const stopped = await run();
    expect(stopped.outcome).toBe('failed');
    expect(stopped.errors.map((e) => e.message).join(' ')).toMatch(/Sign in at icloud\.com/);
    const calendar = (await db.collections.toArray()).find((c) => c.kind === 'calendar');
    expect(calendar?.ctag ?? null).toBeNull();
    expect(await db.items.filter((i) => i.live === 0).count()).toBe(0);

    icloud.signIn();
    expect(await run()).toMatchObject({ outcome: 'ok', deletedUpstream: 0 });
    expect(await db.items.filter((i) => i.live === 1).count()).toBe(35);
  });

  it('throws IcloudSignedOutError from the listing, never a shorter listing', async () => {
    seedSampleAccount(icloud, { contacts: 3, events: 3, photos: 0 });
    const source = itemsSource();
    const collections = await source.listCollections();
    icloud.expireSessionAfter(5);
    const calendar = collections.find((c) => c.kind === 'calendar')!;
    await expect(source.listChanges(calendar, {})).rejects.toBeInstanceOf(IcloudSignedOutError);
  });
});

describe('the contacts and calendar service clients', () => {
  it('pages through the address book by limit and offset', async () => {
    seedSampleAccount(icloud, { contacts: 20, events: 0, photos: 0 });
    const ctx = sessionContext();
    const session = await validateSession(ctx, icloud.setupUrl);
    const service = { base: session.services.contacts!, params: session.params };
    const contacts = await listContacts(ctx, service, await contactsStartup(ctx, service), 7);
    expect(new Set(contacts.map((c) => c.contactId)).size).toBe(20);
    expect(icloud.log.filter((l) => l.includes('/co/contacts'))).toHaveLength(3);
  });

  it('reads calendars from /ca/startup where /ca/allcollections is missing', async () => {
    seedSampleAccount(icloud, { contacts: 0, events: 1, photos: 0 });
    const ctx = sessionContext();
    const session = await validateSession(ctx, icloud.setupUrl);
    icloud.failNext(404, 1);
    const calendars = await listCalendars(ctx, { base: session.services.calendar!, params: session.params }, 2026);
    expect(calendars.map((c) => c.guid)).toEqual([SAMPLE_CALENDAR]);
    expect(requestsOf(1)).toEqual(['calendar /ca/allcollections', 'calendar /ca/startup']);
  });

  it('asks an event whole where the listing says it left details out', async () => {
    icloud.calendar.putCalendar({ guid: SAMPLE_CALENDAR, title: 'Home' });
    icloud.calendar.putEvent({ guid: 'EV-SHORT', pGuid: SAMPLE_CALENDAR, title: 'Short', start: '2025-01-02T10:00', end: '2025-01-02T11:00', extra: { extendedDetailsAreIncluded: false } });
    const source = itemsSource();
    const calendar = (await source.listCollections()).find((c) => c.kind === 'calendar')!;
    const listing = await source.listChanges(calendar, {});
    const [item] = await source.fetchItems(calendar, listing.mode === 'full' ? listing.items.map((i) => i.href) : []);
    expect(item && 'data' in item ? item.data : item).toContain('SUMMARY:Short');
    expect(icloud.log.some((l) => l.includes('/ca/eventdetail/home-calendar/EV-SHORT'))).toBe(true);

    // Deleted between the listing and its fetch: a failed fetch, never a thrown batch.
    const again = await source.listChanges(calendar, {});
    icloud.calendar.removeEvent(SAMPLE_CALENDAR, 'EV-SHORT');
    const [gone] = await source.fetchItems(calendar, again.mode === 'full' ? again.items.map((i) => i.href) : []);
    expect(gone && 'error' in gone ? gone.error : gone).toMatch(/no longer lists/);
  });
});
