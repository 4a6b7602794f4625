// A mirror written by the release before the items lost their `accountId` index (schema 7, its
// stores frozen in test/support/schema-v7-stores.ts, its records as that release's middlewares
// wrote them) opens with the current code whole, and everything that read that index still
// finds the same items through `[accountId+kind+live]`: removing one account's data, a point in
// time of one account. Counts, search, the agenda and browsing find what they found.
import { describe, expect, it } from 'vitest';
import { rekeyedTables, upgradedMirror } from '../support/old-mirror';
import { withDerivedFields } from '../../src/db/derived-fields';
import { countRecords } from '../../src/db/counter-buckets';
import { agenda, listTasks, recurringEventsBefore, searchContacts } from '../../src/db/browse-items';
import { itemsAsOf } from '../../src/db/point-in-time';
import { removeAccountData } from '../../src/db/remove-account';
import { accountSummaries } from '../../src/ui/account-summaries';
import { V7_STORES } from '../support/schema-v7-stores';
import type { ItemKind, ItemRecord } from '../../src/model/item';
import { itemId } from '../../src/db/item-id';

const ACCOUNTS = ['acct', 'other'];

function item(accountId: string, n: number, kind: ItemKind, live: 0 | 1, recurring = false): ItemRecord {
  const collectionId = `${accountId}|https://dav.example.com/${kind === 'contact' ? 'book' : 'cal'}/`;
  return withDerivedFields({
    id: `${collectionId}|h${n}`, accountId, collectionId, kind, href: `h${n}`, etag: `"${n}"`, raw: `raw ${kind} ${n} Zoë`, uid: `u${accountId}${n}`,
    title: `${kind} ${n} Zoë ${accountId}`, emails: kind === 'contact' ? [`p${n}@${accountId}.example.org`] : [], phones: kind === 'contact' ? [`+1 555 01${n}`] : [],
    start: kind === 'contact' ? null : `2025-03-${String(1 + (n % 28)).padStart(2, '0')}T10:00:00Z`, end: null, allDay: false, recurring,
    firstSeenAt: 1, updatedAt: 2, deletedUpstreamAt: live ? null : 3, live,
  });
}

const ITEMS = ACCOUNTS.flatMap((accountId) => [
  ...Array.from({ length: 6 }, (_, n) => item(accountId, n, 'contact', n < 5 ? 1 : 0)),
  ...Array.from({ length: 5 }, (_, n) => item(accountId, 100 + n, 'event', n < 4 ? 1 : 0, n % 2 === 0)),
  ...Array.from({ length: 2 }, (_, n) => item(accountId, 200 + n, 'task', 1)),
]);
const TABLES = {
  accounts: ACCOUNTS.map((id, n) => ({ id, kind: 'dav', label: id, createdAt: n, detached: false, services: ['addressbook', 'calendar'], discovery: {}, status: 'idle', progress: null })),
  collections: ACCOUNTS.flatMap((accountId) =>
    ['book', 'cal'].map((c) => ({ id: `${accountId}|https://dav.example.com/${c}/`, accountId, kind: c === 'book' ? 'addressbook' : 'calendar', href: `https://dav.example.com/${c}/`, displayName: c, enabled: true, pendingHrefs: [] })),
  ),
  versions: [{ id: 1, itemId: ITEMS[1]!.id, etag: '"0"', raw: 'earlier', validFrom: 0, replacedAt: 1, deletedAt: null }],
  runs: [{ id: 1, accountId: 'acct', startedAt: 1, finishedAt: 2, outcome: 'ok', errors: [], added: 13, changed: 0, deleted: 0 }],
  counters: countRecords(ITEMS, []),
  items: ITEMS,
};

// What the current code holds: the items under the keys of schema 11.
const KEPT = rekeyedTables(TABLES);
const page = { limit: 100, showDeleted: true };
const ids = (items: Array<{ id: string }>) => items.map((i) => i.id).sort();
const of = (accountId: string, kind?: ItemKind) => KEPT.items.filter((i) => i.accountId === accountId && (kind === undefined || i.kind === kind));

describe('the upgrade to schema 8', () => {
  it('opens a version-7 mirror whole, found by counts, search, agenda, browsing and account', async () => {
    const db = await upgradedMirror(7, V7_STORES, TABLES);
    expect(db.verno).toBeGreaterThanOrEqual(9);
    expect(db.items.schema.indexes.map((index) => index.name)).not.toContain('accountId');
    for (const [table, records] of Object.entries(KEPT)) {
      const stored: unknown[] = await db.table(table).toArray();
      expect(stored, table).toHaveLength(records.length);
      expect(stored, table).toEqual(expect.arrayContaining(records as unknown[]));
    }
    expect(await db.items.count()).toBe(ITEMS.length);
    const [acct, other] = await accountSummaries(db);
    expect(acct).toMatchObject({ contacts: 5, events: 4, tasks: 2, deletedUpstream: 2 });
    expect(other).toMatchObject({ contacts: 5, events: 4, tasks: 2, deletedUpstream: 2 });
    expect(ids(await searchContacts(db, 'p3@other', page))).toEqual([itemId('other|https://dav.example.com/book/', 'h3')]);
    expect(ids(await searchContacts(db, '555 013', page))).toEqual(KEPT.items.filter((i) => i.href === 'h3').map((i) => i.id).sort());
    expect(ids(await listTasks(db, page))).toEqual(ids(KEPT.items.filter((i) => i.kind === 'task')));
    expect(ids(await agenda(db, '2025-01-01', 'upcoming', page))).toEqual(ids(KEPT.items.filter((i) => i.kind === 'event')));
    expect(ids(await recurringEventsBefore(db, '2026', page))).toEqual(ids(KEPT.items.filter((i) => i.recurring)));
    // What read the dropped index: one account's items, through the compound index's prefix.
    expect(ids((await itemsAsOf(db, { accountId: 'other', kinds: ['contact', 'event', 'task'] }, 10)).map((a) => a.item))).toEqual(
      ids(of('other').filter((i) => i.live === 1)),
    );
    await removeAccountData(db, 'acct', { keepData: false });
    expect(ids(await db.items.toArray())).toEqual(ids(of('other')));
    expect(await db.versions.count()).toBe(0);
    expect((await db.counters.get('other'))?.counts).toEqual(countRecords(of('other'), [])[0]!.counts);
    expect(await db.counters.get('acct')).toBeUndefined();
    db.close();
  });
});
