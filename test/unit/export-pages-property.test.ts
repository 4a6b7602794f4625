// The export kept ready (exporters/ready/, db/export-pages/) is byte for byte the live build
// (buildExport), summary included, after any sequence of the writes the extension makes: new
// and changed items, deletions upstream, revivals, restored versions, renames that move an item
// to another page, an account removed with or without its data, direct deletes.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { freshDb } from '../support/test-db';
import { storeItems, markDeletedUpstream } from '../../src/db/mirror-writes';
import { itemId } from '../../src/db/item-id';
import { removeAccountData } from '../../src/db/remove-account';
import { restoreVersion } from '../../src/db/restore-version';
import { insertAccount } from '../../src/db/accounts';
import { readers } from '../../src/sync/readers';
import { buildExport } from '../../src/exporters/build-export';
import { freshPages } from '../../src/exporters/ready/keep-pages';
import { joinPages } from '../../src/exporters/ready/ready-export';
import type { LifeboatDb } from '../../src/db/schema';
import type { CollectionRecord } from '../../src/model/collection';
import type { ExportKind } from '../../src/model/export';
import type { FetchedItem } from '../../src/db/mirror-writes';

const ACCOUNTS = ['a', 'b'];
const TITLES = ['Ann', 'ann', 'Bob', 'Émile', '', 'Zed'];
const NOW = new Date(2026, 11, 6, 12, 0);

const card = (title: string, version: string, extra = '') => `BEGIN:VCARD\r\nVERSION:${version}\r\nFN:${title}\r\nN:${title};;;;\r\n${extra}END:VCARD\r\n`;
const CONTACT_TEXTS: Array<{ raw: string; unreadable?: string }> = [
  { raw: card('x', '3.0') },
  { raw: card('x', '4.0', 'GENDER:F\r\n') },
  { raw: card('x', '2.1', 'TEL;HOME:1\r\n') },
  { raw: 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:x\r\nnot a line\r\nEND:VCARD\r\n' },
  { raw: 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:cut', unreadable: 'Cut short.' },
  { raw: 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:odd\r\nEND:VCARD', unreadable: 'Odd.' },
];
const zone = (offset: string) => `BEGIN:VTIMEZONE\r\nTZID:Test/Zone\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:${offset}\r\nTZOFFSETTO:${offset}\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n`;
const event = (body: string, tz = '') => `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//x//EN\r\n${tz}BEGIN:VEVENT\r\nUID:u\r\nDTSTAMP:20260101T000000Z\r\n${body}END:VEVENT\r\nEND:VCALENDAR\r\n`;
const EVENT_TEXTS: Array<{ raw: string; unreadable?: string }> = [
  { raw: event('DTSTART:20260101T100000Z\r\nSUMMARY:one\r\n') },
  { raw: event('DTSTART;TZID=Test/Zone:20260101T100000\r\n', zone('+0100')) },
  { raw: event('DTSTART;TZID=Test/Zone:20260102T100000\r\n', zone('+0200')) },
  { raw: event('DTSTART:20260101T100000Z\r\nRRULE:FREQ=NOPE\r\n') },
  { raw: 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:cut', unreadable: 'Cut short.' },
];

function collection(accountId: string, kind: 'addressbook' | 'calendar'): CollectionRecord {
  return { id: `${accountId}|${kind}`, accountId, kind, href: `https://dav.example.com/${accountId}/${kind}/`, displayName: kind, enabled: true, pendingHrefs: [] } as unknown as CollectionRecord;
}

const account = fc.constantFrom(...ACCOUNTS);
const calendar = fc.boolean();
const href = fc.integer({ min: 0, max: 4 }).map((n) => `h${n}`);
const write = fc.oneof(
  fc.record({
    op: fc.constant('store' as const),
    account,
    calendar,
    items: fc.array(fc.record({ href, title: fc.constantFrom(...TITLES), text: fc.nat({ max: 5 }) }), { maxLength: 6 }),
  }),
  fc.record({ op: fc.constant('markDeleted' as const), account, calendar, hrefs: fc.array(href, { maxLength: 4 }) }),
  fc.record({ op: fc.constant('restore' as const), pick: fc.nat({ max: 30 }) }),
  fc.record({ op: fc.constant('remove' as const), account, keepData: fc.boolean() }),
  fc.record({ op: fc.constant('addAccount' as const), account }),
  fc.record({ op: fc.constant('deleteItems' as const), account, calendar, hrefs: fc.array(href, { maxLength: 3 }) }),
  // Often: pages are built here, and the writes after it must make the right ones stale.
  { arbitrary: fc.record({ op: fc.constant('export' as const) }), weight: 4 },
);
type Write = typeof write extends fc.Arbitrary<infer T> ? T : never;

async function addAccount(db: LifeboatDb, id: string): Promise<void> {
  if (await db.accounts.get(id)) return;
  await insertAccount(db, { id, kind: 'dav', label: id, serverUrl: 'https://dav.example.com/', calendarServerUrl: null, services: ['addressbook', 'calendar'], username: id }, 1);
}

async function apply(db: LifeboatDb, w: Write, now: number): Promise<void> {
  switch (w.op) {
    case 'store': {
      const texts = w.calendar ? EVENT_TEXTS : CONTACT_TEXTS;
      const unique = [...new Map(w.items.map((i) => [i.href, i])).values()];
      const fetched = unique.map((i): FetchedItem => {
        const text = texts[i.text % texts.length]!;
        return { href: i.href, etag: `"${i.text}"`, raw: text.raw, kind: w.calendar ? 'event' : 'contact', uid: null, title: i.title, ...(text.unreadable ? { unreadable: text.unreadable } : {}) };
      });
      await storeItems(db, collection(w.account, w.calendar ? 'calendar' : 'addressbook'), fetched, now);
      return;
    }
    case 'markDeleted':
      await markDeletedUpstream(db, collection(w.account, w.calendar ? 'calendar' : 'addressbook').id, [...new Set(w.hrefs)], now);
      return;
    case 'restore': {
      const ids = await db.versions.toCollection().primaryKeys();
      if (ids.length > 0) await restoreVersion(db, ids[w.pick % ids.length]!, readers, now).catch(() => undefined);
      return;
    }
    case 'remove':
      await removeAccountData(db, w.account, { keepData: w.keepData });
      return;
    case 'addAccount':
      await addAccount(db, w.account);
      return;
    case 'deleteItems':
      await db.items.bulkDelete(w.hrefs.map((h) => itemId(collection(w.account, w.calendar ? 'calendar' : 'addressbook').id, h)));
      return;
    case 'export':
      await expectSame(db);
  }
}

/** The ready file and summary against the live build's, for both exports. */
async function expectSame(db: LifeboatDb): Promise<void> {
  for (const kind of ['contacts', 'calendars'] as ExportKind[]) {
    const { parts, mimeType: _type, ...live } = await buildExport(db, kind, {}, NOW);
    // Small pages, so that a handful of items spans several of them.
    const ready = joinPages(kind, await freshPages(db, kind, 120), NOW);
    expect(await ready.blob.text()).toBe(parts.join(''));
    expect(ready.result).toEqual(live);
  }
}

describe('the export kept ready', () => {
  it('equals the live build after any sequence of writes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(write, { maxLength: 14 }), async (writes) => {
        const db = freshDb();
        try {
          for (const id of ACCOUNTS) await addAccount(db, id);
          for (const [index, w] of writes.entries()) await apply(db, w, 10 + index);
          await expectSame(db);
        } finally {
          db.close();
          await db.delete();
        }
      }),
      {
        numRuns: 80,
        // A page built, then its item deleted upstream: the page must go stale.
        examples: [[[{ op: 'store', account: 'a', calendar: false, items: [{ href: 'h0', title: 'Ann', text: 0 }] }, { op: 'export' }, { op: 'markDeleted', account: 'a', calendar: false, hrefs: ['h0'] }]]],
      },
    );
  }, 60_000);
});
