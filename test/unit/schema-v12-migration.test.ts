// A mirror written by schema 11 (the release whose items had the `uid`, `[accountId+kind+live]`
// and `*searchWords` indexes; its stores frozen in test/support/schema-v11-stores.ts) opens with
// the current code whole: every record as written, a search that finds the same contacts from
// the records built by the upgrade, the whole mirror's export, an account's removal, and a sync
// that finds nothing new where nothing changed.
import { describe, expect, it } from 'vitest';
import { upgradedMirror } from '../support/old-mirror';
import { V11_STORES } from '../support/schema-v11-stores';
import { countRecords } from '../../src/db/counter-buckets';
import { countCollections } from '../../src/db/collection-counts';
import { itemId } from '../../src/db/item-id';
import { searchWordsOf } from '../../src/db/search-words';
import { searchContacts } from '../../src/db/browse-items';
import { selectForExport } from '../../src/db/export-selection';
import { removeAccountData } from '../../src/db/remove-account';
import { syncAccount } from '../../src/sync/sync-account';
import { MemorySource, card } from '../support/memory-source';
import { envelopeReaders } from '../support/test-db';
import type { ItemRecord, VersionRecord } from '../../src/model/item';
import type { AccountRecord } from '../../src/model/account';

const SERVER = 'https://dav.example.com/';
const BOOK = `acct|${SERVER}book/`;
const CAL = `acct|${SERVER}cal/`;
const OTHER_BOOK = `other|${SERVER}other/`;

/** A contact as release 11 wrote it: its search words on the record, for the multi-entry index. */
function contact(collectionId: string, accountId: string, n: number, live: 0 | 1): ItemRecord {
  const href = `${collectionId.slice(collectionId.indexOf('|') + 1)}${n}.vcf`;
  const fields = { title: `Person ${n}`, emails: [`p${n}@example.org`], phones: [`+1 555 ${String(n).padStart(4, '0')}`] };
  return {
    id: itemId(collectionId, href), accountId, collectionId, kind: 'contact', href, etag: `"${n}"`, raw: card(`u${n}`, fields.title), uid: `u${n}`,
    ...fields, searchWords: searchWordsOf(fields), start: null, end: null, allDay: false, recurring: false,
    firstSeenAt: 1, updatedAt: 2, deletedUpstreamAt: live ? null : 3, live,
  };
}

function event(n: number): ItemRecord {
  const href = `${SERVER}cal/${n}.ics`;
  return {
    id: itemId(CAL, href), accountId: 'acct', collectionId: CAL, kind: 'event', href, etag: `"${n}"`, raw: `BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n`, uid: `e${n}`,
    title: `Person ${n} lunch`, emails: [], phones: [], start: '2026-01-01T12:00:00Z', end: null, allDay: false, recurring: false,
    firstSeenAt: 1, updatedAt: 2, deletedUpstreamAt: null, live: 1,
  };
}

// More contacts than one of the search's records holds, some deleted upstream, an event, and a
// second account.
const ITEMS = [
  ...Array.from({ length: 2_100 }, (_, n) => contact(BOOK, 'acct', n, n % 10 === 9 ? 0 : 1)),
  ...Array.from({ length: 5 }, (_, n) => event(n)),
  ...Array.from({ length: 3 }, (_, n) => contact(OTHER_BOOK, 'other', 5_000 + n, 1)),
];
const VERSIONS: VersionRecord[] = [{ id: 1, itemId: ITEMS[7]!.id, etag: '"old"', raw: 'earlier', validFrom: 1, replacedAt: 2, deletedAt: null }];
const account = (id: string) => ({ id, kind: 'dav', label: id, serverUrl: SERVER, calendarServerUrl: null, username: id, createdAt: 1, detached: false, services: ['addressbook', 'calendar'], discovery: {}, status: 'idle', progress: null });
const collection = (id: string, accountId: string, kind: string) => ({ id, accountId, kind, href: id.slice(id.indexOf('|') + 1), displayName: id, enabled: true, pendingHrefs: [], syncToken: null, ctag: null, lastSyncedAt: 2, goneUpstreamAt: null });
const COLLECTIONS = [collection(BOOK, 'acct', 'addressbook'), collection(CAL, 'acct', 'calendar'), collection(OTHER_BOOK, 'other', 'addressbook')];
const TABLES = {
  accounts: [account('acct'), account('other')],
  collections: COLLECTIONS,
  counters: countRecords(ITEMS, []),
  collectionCounts: countCollections(ITEMS),
  items: ITEMS,
  versions: VERSIONS,
};

const page = { limit: 50, showDeleted: true };
const ids = (items: readonly { id: string }[]) => items.map((item) => item.id).sort();

// 2,100 contacts upgraded, synced and removed in fake-indexeddb: seconds alone, more beside the
// rest of the suite, past Vitest's default of 5 s.
describe('the upgrade to schema 12', { timeout: 30_000 }, () => {
  it('opens a version-11 mirror whole, and a search finds what the search words found', async () => {
    const db = await upgradedMirror(11, V11_STORES, TABLES);
    expect(db.verno).toBeGreaterThanOrEqual(12);
    // Every record as written: dropping the indexes rewrote none (the contacts keep their search words).
    const keyOf = (row: Record<string, unknown>) => String(row.id ?? row.accountId ?? row.collectionId);
    const sorted = (rows: readonly unknown[]) => [...(rows as Record<string, unknown>[])].sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
    for (const [table, records] of Object.entries(TABLES)) expect(sorted(await db.table(table).toArray()), table).toEqual(sorted(records));
    // Built from the contacts, about 2,000 to a record; every contact once.
    const records = await db.contactWords.toArray();
    expect(records).toHaveLength(2);
    const contacts = ITEMS.filter((item) => item.kind === 'contact');
    expect(records.flatMap((record) => record.entries.map(([id]) => id)).sort()).toEqual(ids(contacts));
    // What the multi-entry index found, the records find.
    for (const query of ['p1234@', 'example.org', 'person 20', '555 0042', '0042', 'person 5001']) {
      const found = await searchContacts(db, query, { limit: 10_000, showDeleted: true });
      const words = query.split(' ').map((w) => w.replace(/\s/g, ''));
      const byIndex = contacts.filter((item) => (query.startsWith('555') ? ['5550042'] : words).every((w) => item.searchWords!.some((s) => s.startsWith(w))));
      expect(ids(found), query).toEqual(ids(byIndex));
    }
    expect((await searchContacts(db, 'person 19', { limit: 50, showDeleted: false })).map((item) => item.title)).not.toContain('Person 19');
    db.close();
    await db.delete();
  });

  it('exports the whole mirror, removes an account with its items, and syncs finding nothing new', async () => {
    const db = await upgradedMirror(11, V11_STORES, TABLES);
    expect(ids(await selectForExport(db, { kinds: ['contact'] }))).toEqual(ids(ITEMS.filter((item) => item.kind === 'contact' && item.live === 1)));
    expect(ids(await selectForExport(db, { kinds: ['event', 'task'] }))).toEqual(ids(ITEMS.filter((item) => item.kind === 'event')));

    const source = new MemorySource();
    for (const c of COLLECTIONS.filter((c) => c.accountId === 'acct' && c.kind === 'addressbook')) source.addCollection(c.href, c.displayName);
    for (const live of ITEMS.filter((i) => i.live === 1 && i.collectionId === BOOK)) source.put(`${SERVER}book/`, live.href, live.raw);
    const changed = ITEMS[42]!;
    source.put(`${SERVER}book/`, changed.href, card('u42', 'Person 42 Renamed'));
    let clock = 1000;
    const acct = { ...(await db.accounts.get('acct'))!, services: ['addressbook'] } as AccountRecord;
    const summary = await syncAccount({ db, source, readers: envelopeReaders, now: () => ++clock }, acct);
    expect(summary).toMatchObject({ outcome: 'ok', added: 0, deletedUpstream: 0, changed: 1 });
    expect(ids(await searchContacts(db, 'renamed', page))).toEqual([changed.id]);

    await removeAccountData(db, 'acct', { keepData: false });
    expect(ids(await db.items.toArray())).toEqual(ids(ITEMS.filter((item) => item.accountId === 'other')));
    expect(await db.versions.count()).toBe(0);
    expect(ids(await searchContacts(db, 'person', page))).toEqual(ids(ITEMS.filter((item) => item.accountId === 'other')));
    db.close();
    await db.delete();
  });
});
