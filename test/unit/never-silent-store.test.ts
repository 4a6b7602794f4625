// Never silently: an item the reader refuses is stored exactly as served with its ETag, a
// reason and display fields read leniently; it is named by the run and counted by the pages;
// it is not fetched again until its ETag changes. Only items the server did not send stay pending.
import { describe, expect, it } from 'vitest';
import { syncAccount } from '../../src/sync/sync-account';
import { readers } from '../../src/sync/readers/index';
import { readBatch, NOT_SENT } from '../../src/sync/read-fetched';
import { unreadableFields } from '../../src/sync/readers/unreadable-fields';
import { completeEnvelope } from '../../src/exporters/complete-object';
import { accountSummaries } from '../../src/ui/account-summaries';
import { MemorySource, card } from '../support/memory-source';
import { addTestAccount, freshDb, envelopeReader } from '../support/test-db';
import { itemId } from '../../src/db/item-id';

const BOOK = 'https://dav.example.com/alice/contacts/';
const CAL = 'https://dav.example.com/alice/calendar/';
// No FN (RFC 6350 §6.2.1 requires one) and a line that is no property at all.
const BROKEN_CARD = 'BEGIN:VCARD\r\nVERSION:3.0\r\nUID:broken-1\r\nN:Lovelace;Ada;;;\r\nthis line is no property\r\nEND:VCARD\r\n';
const BROKEN_EVENT = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Test//EN',
  'BEGIN:VTODO',
  'UID:todo-1',
  'SUMMARY:Renew the pass',
  'port before June',
  'END:VTODO',
  'END:VCALENDAR',
  '',
].join('\r\n');
const CUT_SHORT = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Cut Short\r\nEMAIL:cut@example.com\r\n';

async function world() {
  const db = freshDb();
  const account = await addTestAccount(db);
  const source = new MemorySource();
  source.addCollection(BOOK, 'Contacts');
  source.addCollection(CAL, 'Calendar', true, 'calendar');
  let clock = 1000;
  const sync = () => syncAccount({ db, source, readers, now: () => ++clock, batchSize: 2 }, account);
  return { db, source, sync };
}

describe('an item the reader refuses', () => {
  it('is stored as served with its ETag, a reason and a lenient title, and named by the run', async () => {
    const { db, source, sync } = await world();
    source.put(BOOK, `${BOOK}ok.vcf`, card('ok', 'Readable Person'));
    source.put(BOOK, `${BOOK}broken.vcf`, BROKEN_CARD);
    source.put(BOOK, `${BOOK}cut.vcf`, CUT_SHORT);
    source.put(CAL, `${CAL}todo.ics`, BROKEN_EVENT);
    const summary = await sync();

    expect(summary).toMatchObject({ outcome: 'ok', added: 4, errors: [] });
    const broken = await db.items.get(itemId(`acct|${BOOK}`, `${BOOK}broken.vcf`));
    expect(broken).toMatchObject({ raw: BROKEN_CARD, etag: source.collections.get(BOOK)!.items.get(`${BOOK}broken.vcf`)!.etag, live: 1 });
    expect(broken).toMatchObject({ kind: 'contact', title: 'Ada Lovelace', uid: 'broken-1' });
    expect(broken?.unreadable).toMatch(/^Line 5 /);
    expect(await db.items.get(itemId(`acct|${BOOK}`, `${BOOK}cut.vcf`))).toMatchObject({ raw: CUT_SHORT, title: 'Cut Short', emails: ['cut@example.com'] });
    expect(await db.items.get(itemId(`acct|${CAL}`, `${CAL}todo.ics`))).toMatchObject({ raw: BROKEN_EVENT, kind: 'task', title: 'Renew the pass', uid: 'todo-1' });

    expect(summary.unreadable?.map(({ collectionName, href, title }) => [collectionName, href, title])).toEqual([
      ['Contacts', `${BOOK}broken.vcf`, 'Ada Lovelace'],
      ['Contacts', `${BOOK}cut.vcf`, 'Cut Short'],
      ['Calendar', `${CAL}todo.ics`, 'Renew the pass'],
    ]);
    expect(summary.unreadable?.every((item) => item.reason.length > 0)).toBe(true);
    const [pageView] = await accountSummaries(db);
    expect(pageView).toMatchObject({ contacts: 3, tasks: 1, unreadable: 3, missing: 0 });
  });

  it('is not fetched again until its ETag changes, and is still named by later runs', async () => {
    const { db, source, sync } = await world();
    source.put(BOOK, `${BOOK}broken.vcf`, BROKEN_CARD);
    await sync();
    source.requests = 0;
    const again = await sync();
    expect(source.requests).toBe(3); // the collections and two listings: no fetch
    expect(again.unreadable?.map((item) => item.href)).toEqual([`${BOOK}broken.vcf`]);

    source.put(BOOK, `${BOOK}broken.vcf`, card('broken-1', 'Ada Lovelace'));
    const fixed = await sync();
    expect(fixed).toMatchObject({ changed: 1 });
    expect(fixed.unreadable).toBeUndefined();
    expect((await db.items.get(itemId(`acct|${BOOK}`, `${BOOK}broken.vcf`)))?.unreadable).toBeUndefined();
    expect((await accountSummaries(db))[0]).toMatchObject({ unreadable: 0 });
  });

  it('is read again by a reader that has learned to read it, without a fetch or a new version', async () => {
    const db = freshDb();
    const account = await addTestAccount(db);
    const source = new MemorySource();
    source.addCollection(BOOK, 'Contacts');
    source.put(BOOK, `${BOOK}broken.vcf`, BROKEN_CARD);
    const strict = { ...readers, addressbook: { read: () => ({ ok: false as const, reason: 'Not yet.' }) } };
    await syncAccount({ db, source, readers: strict, now: () => 1000 }, account);
    expect(await db.items.get(itemId(`acct|${BOOK}`, `${BOOK}broken.vcf`))).toMatchObject({ unreadable: 'Not yet.', updatedAt: 1000 });

    const learned = { ...readers, addressbook: { read: () => ({ ok: true as const, fields: { kind: 'contact' as const, uid: 'broken-1', title: 'Ada, read at last' } }) } };
    source.requests = 0;
    const summary = await syncAccount({ db, source, readers: learned, now: () => 2000 }, account);
    expect(source.requests).toBe(2); // the collections and one listing
    expect(summary).toMatchObject({ added: 0, changed: 0 });
    expect(summary.unreadable).toBeUndefined();
    const item = await db.items.get(itemId(`acct|${BOOK}`, `${BOOK}broken.vcf`));
    expect(item).toMatchObject({ title: 'Ada, read at last', raw: BROKEN_CARD, updatedAt: 1000, live: 1 });
    expect(item?.unreadable).toBeUndefined();
    expect(await db.versions.count()).toBe(0);
  });

  it('is no longer counted once deleted upstream, and its text stays', async () => {
    const { db, source, sync } = await world();
    source.put(BOOK, `${BOOK}broken.vcf`, BROKEN_CARD);
    await sync();
    source.remove(BOOK, `${BOOK}broken.vcf`);
    const summary = await sync();
    expect(summary).toMatchObject({ deletedUpstream: 1 });
    expect(summary.unreadable).toBeUndefined();
    expect(await db.items.get(itemId(`acct|${BOOK}`, `${BOOK}broken.vcf`))).toMatchObject({ live: 0, raw: BROKEN_CARD });
    expect((await accountSummaries(db))[0]).toMatchObject({ unreadable: 0 });
  });
});

describe('an item the server did not send', () => {
  it('is counted as missing and fetched again until it comes', async () => {
    const { db, source, sync } = await world();
    source.put(BOOK, `${BOOK}a.vcf`, card('a', 'A'));
    source.put(BOOK, `${BOOK}b.vcf`, card('b', 'B'));
    source.failingHrefs.add(`${BOOK}b.vcf`);
    const first = await sync();
    expect(first.outcome).toBe('partial');
    expect((await accountSummaries(db))[0]).toMatchObject({ contacts: 1, missing: 1 });
    source.failingHrefs.clear();
    await sync();
    expect((await accountSummaries(db))[0]).toMatchObject({ contacts: 2, missing: 0 });
  });

  it('counts a collection the run could not list, until a run lists it', async () => {
    const { db, source, sync } = await world();
    source.put(CAL, `${CAL}e.ics`, 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
    const listChanges = source.listChanges.bind(source);
    source.listChanges = (collection, cursor) => (collection.href === CAL ? Promise.reject(new Error('The server answered 500.')) : listChanges(collection, cursor));
    const failed = await sync();
    expect(failed.errors).toEqual([{ href: CAL, message: 'Calendar: The server answered 500.' }]);
    expect((await accountSummaries(db))[0]).toMatchObject({ collectionsMissed: 1, missing: 0 });
    source.listChanges = listChanges;
    await sync();
    expect((await accountSummaries(db))[0]).toMatchObject({ collectionsMissed: 0, events: 1 });
  });

  it('is reported when a source leaves an href out of its answer', () => {
    const batch = readBatch({
      requested: ['/a.vcf', '/b.vcf'],
      results: [{ href: '/a.vcf', etag: '"1"', data: card('a', 'A') }],
      reader: envelopeReader,
      collectionKind: 'addressbook',
    });
    expect(batch.store.map((item) => item.href)).toEqual(['/a.vcf']);
    expect(batch.missing).toEqual([{ href: '/b.vcf', reason: NOT_SENT }]);
  });
});

describe('the lenient reading', () => {
  it('unfolds lines, takes FN before N, and UID when there is no name', () => {
    expect(unreadableFields({ raw: 'BEGIN:VCARD\r\nFN:Grace\r\n  Hopper\r\nN:Hopper;Grace;;;\r\nEND:VCARD', collectionKind: 'addressbook' }).title).toBe('Grace Hopper');
    expect(unreadableFields({ raw: 'BEGIN:VCARD\nitem1.UID:xyz\n', collectionKind: 'addressbook' })).toMatchObject({ title: 'xyz', uid: 'xyz' });
    expect(unreadableFields({ raw: '', collectionKind: 'calendar' })).toMatchObject({ kind: 'event', title: '(no title)', uid: null });
  });

  it('tells a whole object from one cut short', () => {
    expect(completeEnvelope(BROKEN_CARD)).toBe('VCARD');
    expect(completeEnvelope(BROKEN_EVENT)).toBe('VCALENDAR');
    expect(completeEnvelope('\uFEFFbegin:vcard\nFN:x\nend:vcard')).toBe('VCARD');
    expect(completeEnvelope(CUT_SHORT)).toBeNull();
    expect(completeEnvelope('BEGIN:VCARD\r\nEND:VCALENDAR\r\n')).toBeNull();
  });
});
