// A mirror written with schema 5 (its stores() definitions, frozen) opens with
// the current code whole, and the upgrade to 6 seeds each collection's wipe mark with its
// live count.
import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { LifeboatDb } from '../../src/db/schema';
import { V6_STORES } from '../support/schema-v6-stores';
import { itemId } from '../../src/db/item-id';

// Schema 5 is schema 6 without the wipe marks (the one store version 6 added).
const { wipeMarks: _addedBy6, ...V5_STORES } = V6_STORES;

const BOOK = 'acct|https://dav.example.com/book/';

function item(n: number, live: 0 | 1) {
  const raw = `BEGIN:VCARD\r\nVERSION:3.0\r\nUID:u${n}\r\nFN:Person ${n}\r\nEND:VCARD\r\n`;
  return {
    id: `${BOOK}|h${n}`, accountId: 'acct', collectionId: BOOK, kind: 'contact', href: `h${n}`, etag: `"${n}"`, raw, uid: `u${n}`,
    title: `Person ${n}`, start: null, end: null, allDay: false, recurring: false, searchWords: [`person`], firstSeenAt: 1, updatedAt: 1,
    deletedUpstreamAt: live ? null : 2, live,
  };
}

async function writeVersion5(name: string): Promise<void> {
  const old = new Dexie(name);
  old.version(5).stores(V5_STORES);
  await old.open();
  await old.table('accounts').bulkPut([{ id: 'acct', createdAt: 1 }, { id: 'pics', createdAt: 1 }]);
  await old.table('collections').put({ id: BOOK, accountId: 'acct', kind: 'addressbook', href: 'https://dav.example.com/book/', displayName: 'Book', enabled: true, pendingHrefs: [] });
  await old.table('items').bulkPut([...Array.from({ length: 30 }, (_, n) => item(n, 1)), item(30, 0)]);
  await old.table('versions').add({ itemId: `${BOOK}|h1`, etag: '"0"', raw: 'BEGIN:VCARD\r\nEND:VCARD\r\n', validFrom: 0, replacedAt: 1, deletedAt: null });
  await old.table('alarms').add({ accountId: 'acct', collectionId: BOOK, kind: 'mass-change', open: 1, liveBefore: 40, deleted: 10, changed: 0 });
  await old.table('photos').bulkPut(Array.from({ length: 4 }, (_, n) => ({ id: `pics|p${n}`, accountId: 'pics', live: n < 3 ? 1 : 0, sortAt: n, thumb: 0, checkedAt: 0, sha256: `s${n}` })));
  await old.table('photoBlobs').put({ id: 'pics|p0', data: new Uint8Array([1, 2, 3]) });
  old.close();
}

describe('the upgrade to schema 6', () => {
  it('opens a version-5 mirror whole and seeds the wipe marks from the live counts', async () => {
    const name = `lifeboat-migration-${Math.random().toString(36).slice(2)}`;
    await writeVersion5(name);
    const db = new LifeboatDb(name);
    await db.open();
    // Opened by the current code, it goes on to the latest version (schema-v7-migration.test.ts checks that step).
    expect(db.verno).toBeGreaterThanOrEqual(9);
    expect(await db.items.count()).toBe(31);
    expect((await db.items.get(itemId(BOOK, 'h7')))?.raw).toBe(item(7, 1).raw);
    expect(await db.versions.count()).toBe(1);
    expect(await db.alarms.where('open').equals(1).count()).toBe(1);
    expect(await db.photos.count()).toBe(4);
    expect((await db.photoBlobs.get('pics|p0'))?.data).toEqual(new Uint8Array([1, 2, 3]));
    const marks = new Map((await db.wipeMarks.toArray()).map((mark) => [mark.collectionId, mark]));
    expect(marks.get(BOOK)).toMatchObject({ accountId: 'acct', run: null, highs: [{ live: 30 }] });
    expect(marks.get('pics|photos')).toMatchObject({ accountId: 'pics', highs: [{ live: 3 }] });
    expect(marks.has('acct|photos')).toBe(false);
    db.close();
  });
});
