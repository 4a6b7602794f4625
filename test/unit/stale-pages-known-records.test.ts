// The stale pages' middleware takes what a write replaces from what its transaction already read
// (db/known-buckets.ts), as a sync run's storeItems reads each batch before writing it: the
// pages an item leaves and enters must still be the right ones when a rename moves it from one
// page to another, when its text alone changes, and when the write follows an earlier write
// of the same item in the transaction.
import { describe, expect, it } from 'vitest';
import { freshDb } from '../support/test-db';
import { storeItems, type FetchedItem } from '../../src/db/mirror-writes';
import { insertAccount } from '../../src/db/accounts';
import { buildExport } from '../../src/exporters/build-export';
import { freshPages } from '../../src/exporters/ready/keep-pages';
import { joinPages } from '../../src/exporters/ready/ready-export';
import type { LifeboatDb } from '../../src/db/schema';
import type { CollectionRecord } from '../../src/model/collection';
import { itemId } from '../../src/db/item-id';

const NOW = new Date(2026, 11, 6, 12, 0);
const COLLECTION = { id: 'a|addressbook', accountId: 'a', kind: 'addressbook', href: 'https://dav.example.com/a/', displayName: 'C', enabled: true, pendingHrefs: [] } as unknown as CollectionRecord;
const card = (title: string, note = '') => `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${title}\r\nN:${title};;;;\r\n${note}END:VCARD\r\n`;
const fetched = (href: string, title: string, note = ''): FetchedItem => ({ href, etag: `"${title}${note}"`, raw: card(title, note), kind: 'contact', uid: null, title });

/** Pages of about one card each, so that names far apart in the order sit on different pages. */
const PAGE_CHARS = 40;

async function mirror(): Promise<LifeboatDb> {
  const db = freshDb();
  await insertAccount(db, { id: 'a', kind: 'dav', label: 'a', serverUrl: 'https://dav.example.com/', calendarServerUrl: null, services: ['addressbook'], username: 'a' }, 1);
  await storeItems(db, COLLECTION, ['Ann', 'Bob', 'Kim', 'Zed'].map((title, i) => fetched(`h${i}`, title)), 1);
  await freshPages(db, 'contacts', PAGE_CHARS);
  return db;
}

async function expectReadyEqualsLive(db: LifeboatDb): Promise<void> {
  const { parts } = await buildExport(db, 'contacts', {}, NOW);
  const ready = joinPages('contacts', await freshPages(db, 'contacts', PAGE_CHARS), NOW);
  expect(await ready.blob.text()).toBe(parts.join(''));
}

describe('stale pages from the records a transaction read', () => {
  it('moves a renamed item out of its old page and into its new one', async () => {
    const db = await mirror();
    expect((await db.exportPages.count()) > 2).toBe(true);
    await storeItems(db, COLLECTION, [fetched('h0', 'Yves')], 2);
    await expectReadyEqualsLive(db);
    db.close();
  });

  it('makes the page of an item whose text alone changed stale', async () => {
    const db = await mirror();
    await storeItems(db, COLLECTION, [fetched('h2', 'Kim', 'NOTE:new\r\n')], 2);
    await expectReadyEqualsLive(db);
    db.close();
  });

  it('follows an item written twice in one transaction', async () => {
    const db = await mirror();
    await db.transaction('rw', db.items, async () => {
      const [ann] = await db.items.bulkGet([itemId('a|addressbook', 'h0')]);
      await db.items.put({ ...ann!, title: 'Yves', raw: card('Yves') });
      await db.items.put({ ...ann!, title: 'Carl', raw: card('Carl') });
    });
    await expectReadyEqualsLive(db);
    db.close();
  });
});
