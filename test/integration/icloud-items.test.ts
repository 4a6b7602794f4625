// Contacts and calendars through the icloud.com session, against the reproduction of iCloud's
// web services and through the real engine and readers: 500 contacts and a calendar listed,
// fetched and converted; upstream changes seen as changes and deletions; a run with nothing new
// asks three requests; a session ending mid-run stops the run with "sign in at icloud.com" and
// claims nothing it did not finish.
import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertAccount } from '../../src/db/accounts';
import { createHttpContext } from '../../src/http/http-context';
import { IcloudSignedOutError } from '../../src/providers/icloud-web/icloud-errors';
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

function itemsSource() {
  const browser = icloudBrowserFetch(icloud);
  const ctx = createHttpContext({ serverUrl: icloud.setupUrl, authorization: '', credentials: 'browser-session', fetch: browser.fetch, options: { retry: { sleep: () => Promise.resolve() } } });
  return createIcloudItemsSource({ ctx, session: sessionOnce(ctx, icloud.setupUrl), thisYear: 2026 });
}

async function mirror() {
  const db = freshDb();
  const account = await insertAccount(db, { id: 'icloud', kind: 'dav', label: 'iCloud', serverUrl: icloud.setupUrl, calendarServerUrl: null, services: ['addressbook', 'calendar'], username: '' }, 1);
  let clock = 1_000;
  const run = () => syncAccount({ db, source: itemsSource(), readers, now: () => clock++ }, account);
  return { db, run };
}

const requestsOf = (from: number) => icloud.log.slice(from).map((line) => line.replace(/^\d+ /, ''));

describe('iCloud contacts and calendars through the icloud.com session', () => {
  it('mirrors 500 contacts and a calendar, converted, then asks three requests when nothing changed', async () => {
    seedSampleAccount(icloud, { contacts: 500, events: 20, photos: 0 });
    icloud.calendar.putEvent({ guid: 'EV-ALLDAY', pGuid: SAMPLE_CALENDAR, title: 'Holiday', start: '2025-07-14T00:00', end: '2025-07-15T00:00', allDay: true });
    const { db, run } = await mirror();

    expect(await run()).toMatchObject({ outcome: 'ok', added: 521, changed: 0, errors: [] });
    const collections = await db.collections.toArray();
    expect(collections.map((c) => [c.kind, c.displayName]).sort()).toEqual([['addressbook', 'iCloud Contacts'], ['calendar', 'Home']]);
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
    expect(await run()).toMatchObject({ outcome: 'ok', added: 0, changed: 0, deletedUpstream: 0, unchanged: 521 });
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
