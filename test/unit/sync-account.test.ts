import { describe, expect, it } from 'vitest';
import { syncAccount } from '../../src/sync/sync-account';
import { MemorySource, card } from '../support/memory-source';
import { freshDb, addTestAccount, envelopeReaders } from '../support/test-db';
import { getAccount } from '../../src/db/accounts';
import type { LifeboatDb } from '../../src/db/schema';
import { itemId } from '../../src/db/item-id';

const BOOK = 'https://dav.example.com/alice/contacts/';
const href = (n: number) => `${BOOK}${n}.vcf`;

async function setup(count = 3) {
  const db = freshDb();
  const account = await addTestAccount(db);
  const source = new MemorySource();
  source.addCollection(BOOK, 'Contacts');
  for (let n = 1; n <= count; n++) source.put(BOOK, href(n), card(`u${n}`, `Person ${n}`));
  let clock = 1000;
  const sync = () => syncAccount({ db, source, readers: envelopeReaders, now: () => ++clock, batchSize: 2 }, account);
  return { db, source, sync, account };
}

const live = (db: LifeboatDb) => db.items.filter((item) => item.live === 1).count();

describe('syncAccount', () => {
  it('mirrors every item of a collection, keeping the text as served', async () => {
    const { db, sync, source } = await setup(5);
    const summary = await sync();
    expect(summary).toMatchObject({ outcome: 'ok', added: 5, changed: 0, deletedUpstream: 0 });
    expect(await live(db)).toBe(5);
    const stored = await db.items.get(itemId(`acct|${BOOK}`, href(3)));
    expect(stored?.raw).toBe(source.collections.get(BOOK)?.items.get(href(3))?.data);
    expect(stored?.title).toBe('Person 3');
  });

  it('records the account as up to date after a good run', async () => {
    const { db, sync, account } = await setup();
    await sync();
    const after = await getAccount(db, account.id);
    expect(after).toMatchObject({ status: 'idle', lastError: null, progress: null });
    expect(after.lastSuccessAt).toBeGreaterThan(0);
  });

  it('keeps items deleted upstream, marked with the time, and keeps old versions of changed ones', async () => {
    const { db, sync, source } = await setup(3);
    await sync();
    source.remove(BOOK, href(1));
    source.put(BOOK, href(2), card('u2', 'Person Two Renamed'));
    const summary = await sync();
    expect(summary).toMatchObject({ added: 0, changed: 1, deletedUpstream: 1 });
    const gone = await db.items.get(itemId(`acct|${BOOK}`, href(1)));
    expect(gone).toMatchObject({ live: 0 });
    expect(gone?.deletedUpstreamAt).toBeGreaterThan(0);
    expect(gone?.raw).toContain('Person 1');
    const versions = await db.versions.where('itemId').equals(itemId(`acct|${BOOK}`, href(2))).toArray();
    expect(versions.map((v) => v.raw)).toEqual([card('u2', 'Person 2')]);
  });

  it('costs one listing per collection when nothing changed', async () => {
    const { sync, source } = await setup(3);
    await sync();
    source.requests = 0;
    const summary = await sync();
    expect(summary).toMatchObject({ added: 0, changed: 0, deletedUpstream: 0 });
    expect(source.requests).toBe(2); // listCollections + one listChanges
  });

  it('falls back to a full compare when the sync token is no longer valid, never clearing', async () => {
    const { db, sync, source } = await setup(4);
    await sync();
    source.tokensInvalid = true;
    source.remove(BOOK, href(4));
    const summary = await sync();
    expect(summary).toMatchObject({ deletedUpstream: 1, unchanged: 3 });
    expect(await db.items.count()).toBe(4);
  });

  it('records an item it could not fetch, keeps one it could not read as served, and stores the rest', async () => {
    const { db, sync, source } = await setup(3);
    source.put(BOOK, href(9), 'this is not a vCard');
    source.failingHrefs.add(href(2));
    const summary = await sync();
    expect(summary.outcome).toBe('partial');
    expect(summary.errors.map((e) => e.href)).toEqual([href(2)]);
    expect(summary.unreadable?.map((u) => u.href)).toEqual([href(9)]);
    expect(await live(db)).toBe(3);
    expect(await db.items.get(itemId(`acct|${BOOK}`, href(9)))).toMatchObject({ raw: 'this is not a vCard', unreadable: 'Not a vCard' });
  });

  it('fetches an item it could not fetch again on the next run, and reads a kept one again once it changes', async () => {
    const { db, sync, source } = await setup(2);
    source.put(BOOK, href(8), card('u8', 'Eight'));
    source.failingHrefs.add(href(8));
    source.put(BOOK, href(9), 'not yet a vCard');
    await sync();
    const again = await sync();
    expect(again.errors.map((e) => e.href)).toEqual([href(8)]);
    source.failingHrefs.clear();
    source.put(BOOK, href(9), card('u9', 'Fixed'));
    source.put(BOOK, href(10), card('u10', 'Ten'));
    const fixed = await sync();
    expect(fixed).toMatchObject({ outcome: 'ok', added: 2, changed: 1 });
    expect(fixed.unreadable).toBeUndefined();
    const nine = await db.items.get(itemId(`acct|${BOOK}`, href(9)));
    expect(nine).toMatchObject({ title: 'Fixed' });
    expect(nine?.unreadable).toBeUndefined();
  });

  it('keeps the mirror and reports a clear error when the server cannot be listed', async () => {
    const { db, sync, source, account } = await setup(3);
    await sync();
    source.listCollections = () => Promise.reject(new Error('The server refused the username or password.'));
    const summary = await sync();
    expect(summary.outcome).toBe('failed');
    expect(await live(db)).toBe(3);
    expect(await getAccount(db, account.id)).toMatchObject({ status: 'error', lastError: 'The server refused the username or password.' });
  });

  it('marks a collection that vanished upstream, keeping its items', async () => {
    const { db, sync, source } = await setup(2);
    await sync();
    source.collections.delete(BOOK);
    await sync();
    const collection = await db.collections.get(`acct|${BOOK}`);
    expect(collection?.goneUpstreamAt).toBeGreaterThan(0);
    expect(await db.items.count()).toBe(2);
  });

  it('raises a wipe alarm when most of a collection vanishes, and keeps every item', async () => {
    const { db, sync, source } = await setup(50);
    await sync();
    for (let n = 1; n <= 45; n++) source.remove(BOOK, href(n));
    const summary = await sync();
    expect(summary.alarms).toHaveLength(1);
    expect(summary.alarms[0]).toMatchObject({ kind: 'mass-change', deleted: 45, liveBefore: 50, open: 1 });
    expect(await db.items.count()).toBe(50);
    expect(await db.alarms.where('open').equals(1).count()).toBe(1);
  });

  it('raises an alarm when a collection with items disappears upstream', async () => {
    const { sync, source } = await setup(2);
    await sync();
    source.collections.delete(BOOK);
    const summary = await sync();
    expect(summary.alarms.map((a) => a.kind)).toEqual(['collection-gone']);
  });

  it('pauses the account when the server refuses the password', async () => {
    const { db, sync, source, account } = await setup(1);
    const refused = Object.assign(new Error('The server refused the username or password'), { code: 'auth', status: 401 });
    source.listCollections = () => Promise.reject(refused);
    await sync();
    expect(await getAccount(db, account.id)).toMatchObject({ status: 'needs-password' });
  });

  it('skips a collection the person chose not to mirror', async () => {
    const { db, sync, source } = await setup(3);
    await sync();
    await db.collections.update(`acct|${BOOK}`, { enabled: false });
    source.put(BOOK, href(7), card('u7', 'Seven'));
    const summary = await sync();
    expect(summary.added).toBe(0);
  });
});

