// The live export reads the items of existing accounts, so the ready pages hold the set of
// accounts they were built over (exporters/ready/keep-pages.ts). A write to the accounts alone
// (a run's progress line, an account added or deleted without its items) does not touch the
// pages, so that it never waits for the stores each collection's item writes hold: the set is
// compared where the pages are served, and a different one builds them all again.
import { describe, expect, it } from 'vitest';
import { freshDb } from '../support/test-db';
import { storeItems, type FetchedItem } from '../../src/db/mirror-writes';
import { insertAccount } from '../../src/db/accounts';
import { buildExport } from '../../src/exporters/build-export';
import { freshPages } from '../../src/exporters/ready/keep-pages';
import { joinPages } from '../../src/exporters/ready/ready-export';
import type { LifeboatDb } from '../../src/db/schema';
import type { CollectionRecord } from '../../src/model/collection';

const NOW = new Date(2026, 11, 6, 12, 0);
const book = (accountId: string) => ({ id: `${accountId}|book`, accountId, kind: 'addressbook', href: `https://dav.example.com/${accountId}/`, displayName: 'C', enabled: true, pendingHrefs: [] }) as unknown as CollectionRecord;
const fetched = (href: string, title: string): FetchedItem => ({ href, etag: '"1"', raw: `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${title}\r\nN:${title};;;;\r\nEND:VCARD\r\n`, kind: 'contact', uid: null, title });
const addAccount = (db: LifeboatDb, id: string) => insertAccount(db, { id, kind: 'dav', label: id, serverUrl: 'https://dav.example.com/', calendarServerUrl: null, services: ['addressbook'], username: id }, 1);

async function expectReadyEqualsLive(db: LifeboatDb): Promise<void> {
  const { parts } = await buildExport(db, 'contacts', {}, NOW);
  const ready = joinPages('contacts', await freshPages(db, 'contacts', 40), NOW);
  expect(await ready.blob.text()).toBe(parts.join(''));
}

describe('the ready pages and the set of accounts', () => {
  it('are built again when an account is deleted alone', async () => {
    const db = freshDb();
    await addAccount(db, 'a');
    await addAccount(db, 'b');
    await storeItems(db, book('a'), [fetched('h1', 'Ann')], 1);
    await storeItems(db, book('b'), [fetched('h1', 'Bob')], 1);
    await expectReadyEqualsLive(db);
    await db.accounts.delete('b');
    await expectReadyEqualsLive(db);
    db.close();
  });

  it('are not touched by an account update, and still served fresh', async () => {
    const db = freshDb();
    await addAccount(db, 'a');
    await storeItems(db, book('a'), [fetched('h1', 'Ann')], 1);
    await freshPages(db, 'contacts', 40);
    const pages = await db.exportPages.toArray();
    // The progress line's transaction takes the accounts' store alone: it waits for no item write.
    const stores = await db.transaction('rw', db.accounts, (tx) => [...tx.idbtrans.objectStoreNames]);
    expect(stores).toEqual(['accounts']);
    await db.accounts.update('a', { progress: { done: 1, total: 2 } });
    expect(await db.exportPages.toArray()).toEqual(pages);
    await expectReadyEqualsLive(db);
    db.close();
  });
});
