// The bookkeeping of the exports kept ready (db/export-pages/, exporters/ready/): a change makes
// only its page stale, in its own transaction; a rebuild that fails leaves the page stale and the
// click builds live; removing an account removes the pages.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { freshDb, addTestAccount } from '../support/test-db';
import { storeItems } from '../../src/db/mirror-writes';
import { itemId } from '../../src/db/item-id';
import { removeAccountData } from '../../src/db/remove-account';
import { freshPages } from '../../src/exporters/ready/keep-pages';
import { readyExport } from '../../src/exporters/ready/ready-export';
import type { LifeboatDb } from '../../src/db/schema';
import type { CollectionRecord } from '../../src/model/collection';

const BOOK = { id: 'acct|book', accountId: 'acct', kind: 'addressbook' } as CollectionRecord;
const card = (name: string, note = '') => `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${name}\r\n${note}END:VCARD\r\n`;
const NAMES = ['Ada', 'Bo', 'Cy', 'Di', 'Ed', 'Fay'];
const NOW = new Date(2026, 11, 6);

async function mirrored(): Promise<LifeboatDb> {
  const db = freshDb();
  await addTestAccount(db, 'acct');
  await storeItems(db, BOOK, NAMES.map((name) => ({ href: name, etag: '"1"', raw: card(name), kind: 'contact', uid: null, title: name })), 1);
  // Pages of about two cards each.
  await freshPages(db, 'contacts', 60);
  return db;
}

/** A mirror of `count` cards, "Person 000" onwards, with no page built yet. */
async function manyCards(count: number): Promise<LifeboatDb> {
  const db = freshDb();
  await addTestAccount(db, 'acct');
  const names = Array.from({ length: count }, (_, n) => `Person ${String(n).padStart(3, '0')}`);
  await storeItems(db, BOOK, names.map((name) => ({ href: name, etag: '"1"', raw: card(name), kind: 'contact', uid: null, title: name })), 1);
  return db;
}

const staleIds = async (db: LifeboatDb) => (await db.exportPages.toArray()).filter((page) => page.stale).map((page) => page.id);

afterEach(() => vi.restoreAllMocks());

describe('the pages of a ready export', () => {
  it('go stale one by one: a changed card makes only its own page stale', async () => {
    const db = await mirrored();
    expect((await db.exportPages.count()) > 2).toBe(true);
    expect(await staleIds(db)).toEqual([]);
    await storeItems(db, BOOK, [{ href: 'Ed', etag: '"2"', raw: card('Ed', 'NOTE:new\r\n'), kind: 'contact', uid: null, title: 'Ed' }], 2);
    const stale = await staleIds(db);
    expect(stale).toHaveLength(1);
    expect((await db.exportPages.get(stale[0]!))!.ids).toContain(itemId(BOOK.id, 'Ed'));
    db.close();
  });

  it('stay fresh when the write that would change them fails: the mark is in its transaction', async () => {
    const db = await mirrored();
    await expect(
      db.transaction('rw', db.items, async () => {
        await db.items.delete(itemId(BOOK.id, 'Ada'));
        throw new Error('stopped');
      }),
    ).rejects.toThrow('stopped');
    expect(await staleIds(db)).toEqual([]);
    db.close();
  });

  it('stay stale when their rebuild fails, and the click then builds live', async () => {
    const db = await mirrored();
    await db.items.delete(itemId(BOOK.id, 'Ada'));
    const RealBlob = Blob;
    vi.spyOn(globalThis, 'Blob').mockImplementation((parts, options) => {
      if (parts?.some((part) => typeof part === 'string' && part.includes('FN:Bo'))) throw new Error('QuotaExceededError');
      return new RealBlob(parts, options);
    });
    expect(await readyExport(db, 'contacts', {}, NOW)).toBeNull();
    expect(await staleIds(db)).toHaveLength(1);
    vi.restoreAllMocks();
    expect(await (await readyExport(db, 'contacts', {}, NOW))!.blob.text()).not.toContain('FN:Ada');
    db.close();
  });

  it('are at most about sixteen however large the export, and a change still rebuilds only its own page', async () => {
    const db = await manyCards(320);
    // At 60 characters a page, 320 cards would make about 160 pages.
    await freshPages(db, 'contacts', 60);
    const pages = await db.exportPages.count();
    expect(pages).toBeGreaterThan(8);
    expect(pages).toBeLessThanOrEqual(17);
    await storeItems(db, BOOK, [{ href: 'Person 123', etag: '"2"', raw: card('Person 123', 'NOTE:new\r\n'), kind: 'contact', uid: null, title: 'Person 123' }], 2);
    const built: string[] = [];
    const RealBlob = Blob;
    // A function, not an arrow: the mock is called with `new`, and an object returned from a constructor is its result.
    vi.spyOn(globalThis, 'Blob').mockImplementation(function (parts?: BlobPart[], options?: BlobPropertyBag) {
      if (parts?.some((part) => typeof part === 'string' && part.includes('BEGIN:VCARD'))) built.push('page');
      return new RealBlob(parts, options);
    });
    const fresh = await freshPages(db, 'contacts', 60);
    // One page built again, not all of them cut anew: its size is judged against the larger pages'.
    expect(built).toEqual(['page']);
    expect(fresh).toHaveLength(pages);
    expect((await fresh.find((page) => page.ids.includes(itemId(BOOK.id, 'Person 123')))!.bytes!.text())).toContain('NOTE:new');
    db.close();
  });

  it('cut by an earlier version, one of about 1.5 MB each however many, are cut again into at most about sixteen', async () => {
    const db = await manyCards(120);
    // The earlier cut: no bound on the number of pages.
    await freshPages(db, 'contacts', 60, Infinity);
    expect(await db.exportPages.count()).toBeGreaterThan(40);
    const fresh = await freshPages(db, 'contacts', 60);
    expect(fresh.length).toBeLessThanOrEqual(17);
    expect(await db.exportPages.count()).toBe(fresh.length);
    db.close();
  });

  it('are removed with their account', async () => {
    const db = await mirrored();
    await removeAccountData(db, 'acct', { keepData: false });
    expect(await db.exportPages.count()).toBe(0);
    expect(await db.exportLayouts.count()).toBe(0);
    db.close();
  });
});
