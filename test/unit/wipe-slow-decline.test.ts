// The slow wipe, end to end through the engine on fake-indexeddb: the mark lives in the
// database between runs, the alarm is written with the marks it describes, acknowledging
// it resets the mark, and an ETag that changes over the same text is no change.
import { describe, expect, it, vi } from 'vitest';
import { syncAccount } from '../../src/sync/sync-account';
import { acknowledgeAlarm } from '../../src/db/alarms';
import { MemorySource, card } from '../support/memory-source';
import { freshDb, addTestAccount, envelopeReaders } from '../support/test-db';
import type { LifeboatDb } from '../../src/db/schema';
import { itemId } from '../../src/db/item-id';

const BOOK = 'https://dav.example.com/alice/contacts/';
const href = (n: number) => `${BOOK}${n}.vcf`;
const HOUR = 3600_000;

async function setup(count: number, batchSize = 50) {
  const db = freshDb();
  const account = await addTestAccount(db);
  const source = new MemorySource();
  source.addCollection(BOOK, 'Contacts');
  for (let n = 1; n <= count; n++) source.put(BOOK, href(n), card(`u${n}`, `Person ${n}`));
  let clock = Date.UTC(2026, 10, 1);
  const sync = () => {
    clock += 6 * HOUR;
    return syncAccount({ db, source, readers: envelopeReaders, now: () => ++clock, batchSize }, account);
  };
  let removed = 0;
  const removeNext = (n: number) => {
    for (let i = 0; i < n; i++) source.remove(BOOK, href(++removed));
  };
  return { db, source, sync, removeNext, advance: (ms: number) => (clock += ms) };
}

const live = (db: LifeboatDb) => db.items.where('[collectionId+live]').equals([`acct|${BOOK}`, 1]).count();

describe('the slow wipe', () => {
  it('200 contacts, 18 deleted before each sync: the alarm is raised at the third sync and carries the moment of the high', async () => {
    const { db, sync, removeNext } = await setup(200);
    const first = await sync();
    const kinds: string[][] = [];
    for (let run = 1; run <= 3; run++) {
      removeNext(18);
      kinds.push((await sync()).alarms.map((alarm) => alarm.kind));
    }
    expect(kinds).toEqual([[], [], ['slow-decline']]);
    // One entry a day, however many runs: four runs six hours apart fall on two days.
    expect((await db.wipeMarks.toArray())[0]!.highs).toHaveLength(2);
    const [alarm] = await db.alarms.toArray();
    expect(alarm).toMatchObject({ kind: 'slow-decline', liveBefore: 200, deleted: 54, open: 1 });
    // The mirror as of the high held all 200: that is what "export the copy from before" exports.
    expect(alarm!.before).toBeGreaterThanOrEqual(first.finishedAt! - 1);
    expect(await db.items.count()).toBe(200);
    expect(await live(db)).toBe(146);
  });

  it('does not repeat while the alarm is open, and after it is acknowledged measures from the count then', async () => {
    const { db, sync, removeNext } = await setup(200);
    await sync();
    for (let run = 1; run <= 3; run++) {
      removeNext(18);
      await sync();
    }
    removeNext(18);
    expect((await sync()).alarms).toEqual([]);
    const [open] = await db.alarms.toArray();
    await acknowledgeAlarm(db, open!.id!);
    expect((await db.wipeMarks.toArray())[0]!.highs.map((mark) => mark.live)).toEqual([128]);
    removeNext(18);
    expect((await sync()).alarms).toEqual([]);
    removeNext(18);
    // 128 → 92: 36 below the new mark, 28%.
    expect((await sync()).alarms.map((alarm) => alarm.kind)).toEqual(['slow-decline']);
  });

  it('deliberate growth raises the mark', async () => {
    const { db, sync, source, removeNext } = await setup(100);
    await sync();
    for (let n = 101; n <= 200; n++) source.put(BOOK, href(n), card(`u${n}`, `Person ${n}`));
    await sync();
    removeNext(18);
    await sync();
    removeNext(18);
    await sync();
    removeNext(18);
    expect((await sync()).alarms[0]).toMatchObject({ kind: 'slow-decline', liveBefore: 200, deleted: 54 });
    expect(await db.items.count()).toBe(200);
  });

  it('forgets a high older than 30 days', async () => {
    const { sync, removeNext, advance } = await setup(200);
    await sync();
    removeNext(18);
    await sync();
    removeNext(18);
    await sync();
    advance(32 * 24 * HOUR);
    removeNext(18);
    // The window now starts at 164 (the count 31 days ago is gone): 164 → 146 is 11%.
    expect((await sync()).alarms).toEqual([]);
  });

  it('writes the alarm with the marks it describes: a failure between them leaves neither, and the next run both', async () => {
    const { db, sync, removeNext } = await setup(200);
    await sync();
    removeNext(18);
    await sync();
    removeNext(18);
    await sync();
    removeNext(18);
    const add = vi.spyOn(db.alarms, 'add').mockImplementationOnce(() => {
      throw new Error('worker stopped');
    });
    const failed = await sync();
    expect(add).toHaveBeenCalledTimes(1);
    expect(failed.errors.map((error) => error.message).join()).toContain('worker stopped');
    expect(await db.alarms.count()).toBe(0);
    expect(await live(db)).toBe(164);
    add.mockRestore();
    const retried = await sync();
    expect(retried.alarms.map((alarm) => alarm.kind)).toEqual(['slow-decline']);
    expect(await live(db)).toBe(146);
  });

  it('a run stopped after some batches leaves its counts, and the run that resumes it judges the whole run', async () => {
    const { db, sync, source } = await setup(100, 20);
    await sync();
    // 40 cards rewritten upstream; the worker stops after the first batch of 20 is stored.
    for (let n = 1; n <= 40; n++) source.put(BOOK, href(n), card(`u${n}`, `Renamed ${n}`));
    const fetchItems = source.fetchItems.bind(source);
    let calls = 0;
    source.fetchItems = (collection, hrefs) => (++calls === 2 ? Promise.reject(new Error('worker stopped')) : fetchItems(collection, hrefs.slice(0, 20)));
    const stopped = await sync();
    expect(stopped.alarms).toEqual([]);
    expect((await db.wipeMarks.toArray())[0]!.run).toMatchObject({ changed: 20, liveBefore: 100 });
    source.fetchItems = fetchItems;
    const resumed = await sync();
    expect(resumed.alarms[0]).toMatchObject({ kind: 'mass-change', changed: 40, liveBefore: 100 });
  });

  it('an ETag that changes over the same text is neither a change for the alarm nor a new version', async () => {
    const { db, sync, source } = await setup(50);
    await sync();
    const texts = new Map([...source.collections.get(BOOK)!.items.values()].map((item) => [item.href, item.data]));
    // A server restored from its own backup re-stamps every ETag over the same bytes.
    for (const [itemHref, text] of texts) source.put(BOOK, itemHref, text);
    const summary = await sync();
    expect(summary.alarms).toEqual([]);
    expect(summary.changed).toBe(0);
    expect(await db.versions.count()).toBe(0);
    const stored = await db.items.get(itemId(`acct|${BOOK}`, href(1)));
    expect(stored?.etag).toBe(source.collections.get(BOOK)!.items.get(href(1))!.etag);
  });
});
