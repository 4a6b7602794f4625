// A mirror written by schema 10 (the release whose items were keyed by their collection and
// address joined; its stores frozen in test/support/schema-v10-stores.ts) opens with the current
// code whole: every item under its digest key with nothing else changed, its history following
// it, the kept counts as they were, and a sync of it that finds nothing new where nothing changed.
import { describe, expect, it } from 'vitest';
import { upgradedMirror } from '../support/old-mirror';
import { withDerivedFields } from '../../src/db/derived-fields';
import { countRecords } from '../../src/db/counter-buckets';
import { countCollections } from '../../src/db/collection-counts';
import { itemHistory } from '../../src/db/item-history';
import { itemId } from '../../src/db/item-id';
import { syncAccount } from '../../src/sync/sync-account';
import { V10_STORES } from '../support/schema-v10-stores';
import { MemorySource, card } from '../support/memory-source';
import { envelopeReaders } from '../support/test-db';
import type { ItemRecord, VersionRecord } from '../../src/model/item';
import type { AccountRecord } from '../../src/model/account';

const SERVER = 'https://dav.example.com/';
const BOOK = `acct|${SERVER}book/`;
const WORK = `acct|${SERVER}wörk|2/`;

/** As release 10 keyed an item. */
const oldId = (collectionId: string, href: string) => `${collectionId}|${href}`;

function item(collectionId: string, n: number, live: 0 | 1): ItemRecord {
  const href = `${collectionId.slice('acct|'.length)}${n}.vcf`;
  return withDerivedFields({
    id: oldId(collectionId, href), accountId: 'acct', collectionId, kind: 'contact', href, etag: `"${n}"`, raw: card(`u${n}`, `Person ${n}`), uid: `u${n}`,
    title: `Person ${n}`, emails: [`u${n}@example.com`], phones: [], start: null, end: null, allDay: false, recurring: false,
    firstSeenAt: 1, updatedAt: 2, deletedUpstreamAt: live ? null : 3, live,
  });
}

// More items than the upgrade moves in one step, in two books (one with a '|' and a non-ASCII
// letter in its address), some deleted upstream.
const ITEMS = [
  ...Array.from({ length: 560 }, (_, n) => item(BOOK, n, n % 9 === 0 ? 0 : 1)),
  ...Array.from({ length: 40 }, (_, n) => item(WORK, 1000 + n, 1)),
];
const VERSIONS: VersionRecord[] = [3, 300, 559, 1005].flatMap((n) => {
  const of = ITEMS.find((i) => i.href.endsWith(`/${n}.vcf`))!;
  return [1, 2].map((k) => ({ id: n * 10 + k, itemId: of.id, etag: `"${n}-${k}"`, raw: `earlier ${k} of ${n}`, validFrom: k, replacedAt: k + 1, deletedAt: null }));
});
const ACCOUNT = { id: 'acct', kind: 'dav', label: 'acct', serverUrl: SERVER, calendarServerUrl: null, username: 'alice', createdAt: 1, detached: false, services: ['addressbook'], discovery: {}, status: 'idle', progress: null };
const COLLECTIONS = [BOOK, WORK].map((id) => ({ id, accountId: 'acct', kind: 'addressbook', href: id.slice('acct|'.length), displayName: id, enabled: true, pendingHrefs: [], syncToken: null, ctag: null, lastSyncedAt: 2, goneUpstreamAt: null }));
const TABLES = {
  accounts: [ACCOUNT],
  collections: COLLECTIONS,
  counters: countRecords(ITEMS, []),
  collectionCounts: countCollections(ITEMS),
  items: ITEMS,
  versions: VERSIONS,
  exportLayouts: [{ kind: 'contacts', bounds: [['Person 5', oldId(BOOK, `${SERVER}book/5.vcf`)]], locale: 'en', accounts: ['acct'] }],
  exportPages: [{ id: 'contacts:0', kind: 'contacts', n: 0, stale: false, ids: [ITEMS[0]!.id], written: 1, cardsWithExtensions: 0, convertedFrom: {}, servedUnreadable: [], servedRefused: [], skippedUnreadable: [], skippedRefused: [] }],
};
const MOVED = new Set(['items', 'versions', 'exportLayouts', 'exportPages']);

const rekeyed = (i: ItemRecord): ItemRecord => ({ ...i, id: itemId(i.collectionId, i.href) });
const byId = <T extends { id?: unknown }>(rows: T[]) => [...rows].sort((a, b) => String(a.id).localeCompare(String(b.id)));

describe('the upgrade to schema 11', () => {
  it('opens a version-10 mirror whole, every item under its digest key', async () => {
    const db = await upgradedMirror(10, V10_STORES, TABLES);
    expect(db.verno).toBeGreaterThanOrEqual(11);
    for (const [table, records] of Object.entries(TABLES)) {
      if (MOVED.has(table)) continue;
      expect(await db.table(table).toArray(), table).toEqual(expect.arrayContaining(records as unknown[]));
      expect(await db.table(table).count(), table).toBe(records.length);
    }
    const items = await db.items.toArray();
    expect(byId(items)).toEqual(byId(ITEMS.map(rekeyed)));
    expect(items.every((i) => /^[A-Za-z0-9_-]{22}$/.test(i.id))).toBe(true);
    // Versions: as written, pointing at their item's new key.
    const newKey = new Map(ITEMS.map((i) => [i.id, itemId(i.collectionId, i.href)]));
    expect(byId(await db.versions.toArray())).toEqual(byId(VERSIONS.map((v) => ({ ...v, itemId: newKey.get(v.itemId)! }))));
    // The ready exports named items by their old keys: dropped, to be built again.
    expect(await db.exportPages.count()).toBe(0);
    expect(await db.exportLayouts.count()).toBe(0);
    db.close();
    await db.delete();
  });

  it('keeps each item’s history with it', async () => {
    const db = await upgradedMirror(10, V10_STORES, TABLES);
    const of = ITEMS.find((i) => i.href === `${SERVER}book/300.vcf`)!;
    const history = await itemHistory(db, itemId(of.collectionId, of.href));
    expect(history?.item.raw).toBe(of.raw);
    expect(history?.entries.map((e) => e.raw)).toEqual([of.raw, 'earlier 2 of 300', 'earlier 1 of 300']);
    db.close();
    await db.delete();
  });

  it('finds every item again in a sync: nothing added, nothing lost, counts unchanged', async () => {
    const db = await upgradedMirror(10, V10_STORES, TABLES);
    const source = new MemorySource();
    for (const c of COLLECTIONS) source.addCollection(c.href, c.displayName);
    for (const live of ITEMS.filter((i) => i.live === 1)) source.put(live.collectionId.slice('acct|'.length), live.href, live.raw);
    // One change upstream, so the sync also proves it writes onto the moved record.
    const changed = ITEMS.find((i) => i.href === `${SERVER}book/559.vcf`)!;
    source.put(`${SERVER}book/`, changed.href, card('u559', 'Person 559 Renamed'));
    let clock = 1000;
    const summary = await syncAccount({ db, source, readers: envelopeReaders, now: () => ++clock }, (await db.accounts.get('acct')) as AccountRecord);
    expect(summary).toMatchObject({ outcome: 'ok', added: 0, deletedUpstream: 0, changed: 1 });
    expect(await db.items.count()).toBe(ITEMS.length);
    expect((await db.items.get(itemId(changed.collectionId, changed.href)))?.title).toBe('Person 559 Renamed');
    expect(await db.versions.where('itemId').equals(itemId(changed.collectionId, changed.href)).count()).toBe(3);
    expect(await db.counters.toArray()).toEqual(countRecords(ITEMS, []));
    expect(await db.collectionCounts.toArray()).toEqual(expect.arrayContaining(countCollections(ITEMS)));
    db.close();
    await db.delete();
  });
});
