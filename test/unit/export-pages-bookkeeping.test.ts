// The bookkeeping of the exports kept ready (db/export-pages/, exporters/ready/): a change makes
// only its page stale, in its own transaction; a rebuild that fails leaves the page stale and the
// click builds live; removing an account removes the pages.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { freshDb, addTestAccount } from '../support/test-db';
import { storeItems, itemId } from '../../src/db/mirror-writes';
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

  it('are removed with their account', async () => {
    const db = await mirrored();
    await removeAccountData(db, 'acct', { keepData: false });
    expect(await db.exportPages.count()).toBe(0);
    expect(await db.exportLayouts.count()).toBe(0);
    db.close();
  });
});
