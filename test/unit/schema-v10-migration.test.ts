// A mirror written by schema 9 (the release before each collection's counts were kept; its
// stores frozen in test/support/schema-v9-stores.ts, its records as that release wrote them)
// opens with the current code whole, with every collection's live and deleted counts equal to a
// count of its items, and a sync of it plans, judges and records from those counts.
import { describe, expect, it } from 'vitest';
import { rekeyedTables, upgradedMirror } from '../support/old-mirror';
import { withDerivedFields } from '../../src/db/derived-fields';
import { countRecords } from '../../src/db/counter-buckets';
import { countCollections } from '../../src/db/collection-counts';
import { syncAccount } from '../../src/sync/sync-account';
import { V9_STORES } from '../support/schema-v9-stores';
import { MemorySource, card } from '../support/memory-source';
import { envelopeReaders } from '../support/test-db';
import type { ItemKind, ItemRecord } from '../../src/model/item';
import type { AccountRecord } from '../../src/model/account';

const SERVER = 'https://dav.example.com/';
const BOOKS = ['book/', 'work/', 'empty/'];

function item(accountId: string, book: string, n: number, kind: ItemKind, live: 0 | 1): ItemRecord {
  const collectionId = `${accountId}|${SERVER}${book}`;
  const href = `${SERVER}${book}${n}.vcf`;
  return withDerivedFields({
    id: `${collectionId}|${href}`, accountId, collectionId, kind, href, etag: `"${n}"`, raw: card(`${accountId}${book}${n}`, `Person ${n}`), uid: `u${accountId}${book}${n}`,
    title: `Person ${n}`, emails: [], phones: [], start: null, end: null, allDay: false, recurring: false,
    firstSeenAt: 1, updatedAt: 2, deletedUpstreamAt: live ? null : 3, live,
  });
}

// Two accounts; in each, a book with some items deleted upstream, one all live, one all deleted.
const ITEMS = ['acct', 'other'].flatMap((accountId) => [
  ...Array.from({ length: 9 }, (_, n) => item(accountId, 'book/', n, 'contact', n < 7 ? 1 : 0)),
  ...Array.from({ length: 4 }, (_, n) => item(accountId, 'work/', 100 + n, 'contact', 1)),
  ...Array.from({ length: 3 }, (_, n) => item(accountId, 'empty/', 200 + n, 'contact', 0)),
]);
const ACCOUNT = { id: 'acct', kind: 'dav', label: 'acct', serverUrl: SERVER, calendarServerUrl: null, username: 'alice', createdAt: 1, detached: false, services: ['addressbook'], discovery: {}, status: 'idle', progress: null };
const TABLES = {
  accounts: [ACCOUNT, { ...ACCOUNT, id: 'other', label: 'other' }],
  collections: ['acct', 'other'].flatMap((accountId) =>
    BOOKS.map((book) => ({ id: `${accountId}|${SERVER}${book}`, accountId, kind: 'addressbook', href: `${SERVER}${book}`, displayName: book, enabled: true, pendingHrefs: [], syncToken: null, ctag: null, lastSyncedAt: 2, goneUpstreamAt: null })),
  ),
  counters: countRecords(ITEMS, []),
  items: ITEMS,
};

const byId = <T extends { collectionId: string }>(rows: T[]) => [...rows].sort((a, b) => (a.collectionId < b.collectionId ? -1 : 1));

describe('the upgrade to schema 10', () => {
  it('opens a version-9 mirror whole, with each collection counted right', async () => {
    const db = await upgradedMirror(9, V9_STORES, TABLES);
    expect(db.verno).toBeGreaterThanOrEqual(10);
    for (const [table, records] of Object.entries(rekeyedTables(TABLES))) {
      const stored: unknown[] = await db.table(table).toArray();
      expect(stored, table).toHaveLength(records.length);
      expect(stored, table).toEqual(expect.arrayContaining(records as unknown[]));
    }
    const kept = byId(await db.collectionCounts.toArray());
    expect(kept).toEqual(byId(countCollections(ITEMS)));
    // Spelled out, so a wrong count helper cannot hide a wrong seed.
    expect(kept.filter((row) => row.collectionId.startsWith('acct|'))).toEqual([
      { collectionId: `acct|${SERVER}book/`, live: 7, deleted: 2 },
      { collectionId: `acct|${SERVER}empty/`, live: 0, deleted: 3 },
      { collectionId: `acct|${SERVER}work/`, live: 4, deleted: 0 },
    ]);
    db.close();
    await db.delete();
  });

  it('keeps the seeded counts moving: a sync of the upgraded mirror records each collection right', async () => {
    const db = await upgradedMirror(9, V9_STORES, TABLES);
    const source = new MemorySource();
    // Upstream: the book as mirrored with one more item and one fewer, the other books as they are.
    for (const book of BOOKS) source.addCollection(`${SERVER}${book}`, book);
    for (const mirrored of ITEMS.filter((i) => i.accountId === 'acct' && i.live === 1 && i.href !== `${SERVER}book/0.vcf`)) {
      source.put(mirrored.collectionId.slice('acct|'.length), mirrored.href, mirrored.raw);
    }
    source.put(`${SERVER}book/`, `${SERVER}book/50.vcf`, card('new', 'Person New'));
    let clock = 1000;
    const account = (await db.accounts.get('acct')) as AccountRecord;
    const summary = await syncAccount({ db, source, readers: envelopeReaders, now: () => ++clock }, account);
    expect(summary).toMatchObject({ outcome: 'ok', added: 1, deletedUpstream: 1 });
    const run = (await db.runs.toArray()).at(-1)!;
    expect(new Map(run.collectionCounts!.map((c) => [c.collectionId, c.live]))).toEqual(
      new Map([[`acct|${SERVER}book/`, 7], [`acct|${SERVER}work/`, 4], [`acct|${SERVER}empty/`, 0]]),
    );
    expect(byId(await db.collectionCounts.toArray())).toEqual(byId(countCollections(await db.items.toArray())));
    db.close();
    await db.delete();
  });
});
