// Never silently, against a real server: Radicale stores and serves items that Lifeboat's
// readers refuse (seeded straight into its storage folder, as another program would write them).
// Each one must be in the mirror exactly as served, named by the run, counted for the popup,
// in the export as served, and not fetched again while its ETag stays the same.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readers } from '../../src/sync/readers/index';
import { buildExport } from '../../src/exporters/build-export';
import { accountSummaries } from '../../src/ui/account-summaries';
import { addTestAccount, freshDb } from '../support/test-db';
import { entries, itemPath, mirrorTexts, serverTexts } from '../harness/mirror-check';
import { runMirror, type MirrorSetup } from '../harness/mirror-run';
import { startRadicale, type RadicaleServer } from '../harness/radicale';
import { makeCards } from '../harness/sample-items';
import { makeEvents } from '../harness/sample-events';

vi.mock('../../src/shared/browser', () => import('../support/catalog-browser'));
const { unreadableSentence, upToDateSentence } = await import('../../src/ui/status-sentences');

// A calendar object holding only a VFREEBUSY (RFC 5545 §3.6.4): Radicale keeps it; Lifeboat's
// reader finds no event, task or journal entry in it.
const FREEBUSY = readFileSync('test/fixtures/calendar/malformed-no-component.ics', 'utf8');
// A card with a VCALENDAR inside it (as a program that pasted an invitation into a note field
// without escaping might write): vobject reads it, Lifeboat's reader refuses it.
const NESTED = 'BEGIN:VCARD\r\nVERSION:3.0\r\nUID:nested\r\nFN:Nested Calendar\r\nBEGIN:VCALENDAR\r\nEND:VCALENDAR\r\nEND:VCARD\r\n';
const CARDS = makeCards(5);
const EVENTS = makeEvents(3);

describe('items Radicale serves that the readers refuse', () => {
  let server: RadicaleServer;
  let setup: MirrorSetup;

  beforeAll(async () => {
    server = await startRadicale({
      seed: [
        { name: 'contacts', kind: 'addressbook', displayName: 'Contacts', items: [...CARDS, { name: 'nested.vcf', data: NESTED }] },
        { name: 'calendar', kind: 'calendar', displayName: 'Calendar', items: [...EVENTS, { name: 'freebusy.ics', data: FREEBUSY }] },
      ],
    });
    const db = freshDb();
    setup = { db, account: await addTestAccount(db), readers, serverUrl: server.url, username: server.username, password: server.password };
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('keeps them exactly as served, names them in the run and counts them for the popup', async () => {
    const { summary } = await runMirror(setup);
    expect(summary).toMatchObject({ outcome: 'ok', added: CARDS.length + EVENTS.length + 2, errors: [] });
    expect(summary.unreadable?.map((item) => [item.collectionName, itemPath(item.href), item.title, item.reason])).toEqual([
      ['Contacts', itemPath(new URL('nested.vcf', server.addressBookUrl).href), 'Nested Calendar', 'Line 5 opens or closes something other than a vCard.'],
      ['Calendar', itemPath(new URL('freebusy.ics', server.calendarUrl).href), 'fb@example.com', 'The calendar item holds no event, task or journal entry.'],
    ]);

    const mirror = await mirrorTexts(setup.db, setup.account.id);
    const served = new Map([...(await serverTexts(server.addressBookUrl, server)), ...(await serverTexts(server.calendarUrl, server))]);
    expect(entries(mirror.live)).toEqual(entries(served));

    const [view] = await accountSummaries(setup.db);
    expect(view).toMatchObject({ contacts: CARDS.length + 1, events: EVENTS.length + 1, unreadable: 2, missing: 0 });
    expect(unreadableSentence(view!.unreadable)).toBe('2 items could not be read; they are kept exactly as the server sent them.');
    expect(upToDateSentence({ lastSuccessAt: view!.account.lastSuccessAt!, missing: view!.missing, now: Date.now() })).toMatch(/^Up to date/);
  });

  it('exports them exactly as served and counts them', async () => {
    const nested = (await serverTexts(server.addressBookUrl, server)).get(itemPath(new URL('nested.vcf', server.addressBookUrl).href))!;
    const contacts = await buildExport(setup.db, 'contacts', {}, new Date());
    expect(contacts).toMatchObject({ count: CARDS.length + 1, keptAsServed: 1, skipped: [] });
    expect(contacts.text).toContain(nested);

    const freebusy = (await serverTexts(server.calendarUrl, server)).get(itemPath(new URL('freebusy.ics', server.calendarUrl).href))!;
    const calendars = await buildExport(setup.db, 'calendars', {}, new Date());
    expect(calendars).toMatchObject({ count: EVENTS.length + 1, keptAsServed: 1, skipped: [] });
    expect(calendars.text.endsWith(freebusy.endsWith('\n') ? freebusy : `${freebusy}\r\n`)).toBe(true);
  });

  it('does not fetch them again while they are unchanged, and still names them', async () => {
    const { summary, requests } = await runMirror(setup);
    expect(requests.filter((r) => r.report === 'addressbook-multiget' || r.report === 'calendar-multiget' || r.method === 'GET')).toEqual([]);
    expect(summary.unreadable?.map((item) => item.title)).toEqual(['Nested Calendar', 'fb@example.com']);
    expect((await accountSummaries(setup.db))[0]).toMatchObject({ unreadable: 2, missing: 0 });
  });
});
