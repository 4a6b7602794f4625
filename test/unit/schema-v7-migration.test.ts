// A mirror written by the release before the counters table (schema 6, its stores frozen in
// test/support/schema-v6-stores.ts) opens with the current code whole: every record of every
// table as it was written (items with only their derived search fields changed), and counters
// that equal a full count of what it holds.
import { describe, expect, it } from 'vitest';
import { rekeyed, rekeyedTables, upgradedMirror } from '../support/old-mirror';
import { countRecords } from '../../src/db/counter-buckets';
import { recurringEventsBefore, searchContacts } from '../../src/db/browse-items';
import { searchWordsOf } from '../../src/db/search-words';
import { accountSummaries } from '../../src/ui/account-summaries';
import { V6_STORES } from '../support/schema-v6-stores';
import type { ItemKind } from '../../src/model/item';
import type { PhotoRecord } from '../../src/model/photo';
import { itemId } from '../../src/db/item-id';

const BOOK = 'acct|https://dav.example.com/book/';
const CAL = 'acct|https://dav.example.com/cal/';

function item(n: number, kind: ItemKind, live: 0 | 1, recurring = false) {
  const collectionId = kind === 'contact' ? BOOK : CAL;
  const title = `${kind} ${n} Zoë`;
  const fields = { title, emails: kind === 'contact' ? [`p${n}@example.org`] : [], phones: kind === 'contact' ? [`+1 555 01${n}`] : [] };
  return {
    id: `${collectionId}|h${n}`, accountId: 'acct', collectionId, kind, href: `h${n}`, etag: `"${n}"`, raw: `raw ${kind} ${n}`, uid: `u${n}`,
    ...fields, start: kind === 'contact' ? null : `2025-03-${String(1 + (n % 28)).padStart(2, '0')}T10:00:00Z`, end: null, allDay: false, recurring,
    // What the release's middleware derived on every write, for every kind.
    searchWords: searchWordsOf(fields), firstSeenAt: 1, updatedAt: 2, deletedUpstreamAt: live ? null : 3, live,
    ...(n % 7 === 0 ? { unreadable: 'Not a vCard' } : {}),
  };
}

const ITEMS = [
  ...Array.from({ length: 12 }, (_, n) => item(n, 'contact', n < 10 ? 1 : 0)),
  ...Array.from({ length: 8 }, (_, n) => item(100 + n, 'event', n < 7 ? 1 : 0, n % 3 === 0)),
  ...Array.from({ length: 3 }, (_, n) => item(200 + n, 'task', 1)),
];
const PHOTOS: PhotoRecord[] = Array.from({ length: 5 }, (_, n) => ({
  id: `pics|p${n}`, accountId: 'pics', path: `p${n}.jpg`, name: `p${n}.jpg`, etag: `"${n}"`, size: 3, mime: 'image/jpeg', sha256: `s${n}`, takenAt: null, sortAt: n,
  width: null, height: null, albums: [], description: null, geo: null, firstSeenAt: 1, updatedAt: 1, deletedUpstreamAt: n < 4 ? null : 2, live: n < 4 ? 1 : 0,
  thumb: 0, checkedAt: 0, corruptAt: null,
}));
const TABLES = {
  accounts: [
    { id: 'acct', kind: 'dav', label: 'Mail', createdAt: 1, detached: false, services: ['addressbook', 'calendar'], discovery: {}, status: 'idle', progress: null },
    { id: 'pics', kind: 'webdav-photos', label: 'Pictures', createdAt: 2, detached: false, services: [], discovery: {}, status: 'idle', progress: null },
  ],
  collections: [
    { id: BOOK, accountId: 'acct', kind: 'addressbook', href: 'https://dav.example.com/book/', displayName: 'Book', enabled: true, pendingHrefs: ['h99'], syncToken: 't1' },
    { id: CAL, accountId: 'acct', kind: 'calendar', href: 'https://dav.example.com/cal/', displayName: 'Cal', enabled: true, pendingHrefs: [], ctag: 'c1' },
  ],
  versions: [{ id: 1, itemId: `${BOOK}|h1`, etag: '"0"', raw: 'earlier', validFrom: 0, replacedAt: 1, deletedAt: null }],
  runs: [{ id: 1, accountId: 'acct', startedAt: 1, finishedAt: 2, outcome: 'ok', errors: [], added: 23, changed: 0, deleted: 0 }],
  alarms: [{ id: 1, accountId: 'acct', collectionId: BOOK, kind: 'mass-change', open: 1, liveBefore: 40, deleted: 10, changed: 0 }],
  settings: [{ key: 'settings', intervalMinutes: 60, retentionDays: 90 }],
  snapshots: [{ id: 1, createdAt: 5, fileName: 'lifeboat-snapshot.zip', bytes: 100 }],
  photos: PHOTOS,
  photoBlobs: [{ id: 'pics|p0', data: new Uint8Array([1, 2, 3]) }],
  photoThumbs: [],
  photoParts: [{ photoId: 'pics|p1', offset: 0, data: new Uint8Array([4, 5]) }],
  photoVersions: [{ id: 1, photoId: 'pics|p0', etag: '"x"', sha256: 'old', size: 1, replacedAt: 1, data: new Uint8Array([9]) }],
  wipeMarks: [{ collectionId: BOOK, accountId: 'acct', highs: [{ live: 10, at: 1 }], run: null }],
  items: ITEMS,
} as const;

describe('the upgrade to schema 7', () => {
  it('opens a version-6 mirror whole, with counters equal to a full count', async () => {
    const db = await upgradedMirror(6, V6_STORES, TABLES);
    expect(db.verno).toBeGreaterThanOrEqual(9);
    for (const [table, records] of Object.entries(rekeyedTables(TABLES))) {
      if (table === 'items') continue;
      expect(await db.table(table).toArray(), table).toEqual(records);
    }
    // Items: as written, but a series start on repeating events, a task title on tasks (schema
    // 13), and no search words: schema 7 wrote them and schema 11's move of every item dropped
    // them (since schema 12 a search reads db/contact-words/, which schema 12 built from the
    // contacts).
    const items = new Map((await db.items.toArray()).map((i) => [i.id, i]));
    expect(items.size).toBe(ITEMS.length);
    for (const written of ITEMS) {
      const { searchWords: _words, ...rest } = rekeyed(written);
      const expected = {
        ...rest,
        ...(written.kind === 'event' && written.recurring ? { seriesStart: written.start } : {}),
        // Schema 13's field of the tasks view's index of names.
        ...(written.kind === 'task' ? { taskTitle: written.title } : {}),
      };
      expect(items.get(rest.id), written.id).toEqual(expected);
    }
    const page = { limit: 100, showDeleted: true };
    expect((await searchContacts(db, 'p0@example', page)).map((i) => i.id)).toEqual([itemId(BOOK, 'h0')]);
    expect((await searchContacts(db, 'zoe', page)).length).toBe(ITEMS.filter((i) => i.kind === 'contact' && i.title.includes('Zoë')).length);
    const counters = await db.counters.toArray();
    expect(counters).toEqual(expect.arrayContaining(countRecords(ITEMS, PHOTOS)));
    expect(counters).toHaveLength(2);
    expect(counters.find((c) => c.accountId === 'acct')?.counts).toEqual({ 'contact:live': 10, 'contact:deleted': 2, 'event:live': 7, 'event:deleted': 1, 'task:live': 3 });
    expect(counters.find((c) => c.accountId === 'pics')?.counts).toEqual({ 'photo:live': 4, 'photo:deleted': 1 });
    const [acct, pics] = await accountSummaries(db);
    expect(acct).toMatchObject({ contacts: 10, events: 7, tasks: 3, photos: 0, deletedUpstream: 3, missing: 1 });
    expect(pics).toMatchObject({ contacts: 0, photos: 4, deletedUpstream: 1 });
    // The agenda finds the series through their new index.
    expect((await recurringEventsBefore(db, '2026', { limit: 100, showDeleted: true })).map((i) => i.id).sort()).toEqual(
      ITEMS.filter((i) => i.kind === 'event' && i.recurring).map((i) => rekeyed(i).id).sort(),
    );
    // Writes after the upgrade move the counters from where the upgrade started them.
    await db.items.delete(itemId(BOOK, 'h0'));
    expect((await db.counters.get('acct'))?.counts['contact:live']).toBe(9);
    db.close();
  });
});
