// The counters middleware takes what a write replaces from what its transaction already read or
// wrote (db/known-buckets.ts) rather than reading it again: the counts must stay exact when a
// record read earlier in the transaction is then written several times, deleted, re-added, or
// a write fails, and when a range is deleted after the records were read.
import { describe, expect, it } from 'vitest';
import { freshDb } from '../support/test-db';
import type { ItemRecord } from '../../src/model/item';
import type { LifeboatDb } from '../../src/db/schema';

function item(id: string, kind: ItemRecord['kind'], live: 0 | 1 = 1): ItemRecord {
  return {
    id, accountId: 'a', collectionId: 'a|col', kind, href: id, etag: '"1"', raw: 'x', uid: null, title: id, emails: [], phones: [],
    start: null, end: null, allDay: false, recurring: false, firstSeenAt: 1, updatedAt: 1, deletedUpstreamAt: null, live,
  };
}

async function counts(db: LifeboatDb) {
  // An account that holds nothing has no record: all 0.
  return (await db.counters.get('a'))?.counts ?? {};
}

describe('counters from what the transaction knows', () => {
  it('counts a record read, then written twice with a different kind, once', async () => {
    const db = freshDb();
    await db.items.put(item('x', 'contact'));
    await db.transaction('rw', db.items, async () => {
      expect(await db.items.bulkGet(['x', 'y'])).toHaveLength(2);
      await db.items.bulkPut([item('x', 'event'), item('y', 'task')]);
      await db.items.put(item('x', 'task', 0));
      await db.items.put(item('y', 'task'));
    });
    expect(await counts(db)).toEqual({ 'task:deleted': 1, 'task:live': 1 });
  });

  it('counts a record read, deleted and added again', async () => {
    const db = freshDb();
    await db.items.bulkPut([item('x', 'contact'), item('y', 'contact')]);
    await db.transaction('rw', db.items, async () => {
      await db.items.get('x');
      await db.items.delete('x');
      await db.items.add(item('x', 'event'));
      // A failed add (the key exists) leaves the record as it was.
      await db.items.bulkAdd([item('x', 'task')]).catch(() => undefined);
      await db.items.put(item('x', 'contact'));
    });
    expect(await counts(db)).toEqual({ 'contact:live': 2 });
  });

  it('counts records read before their range was deleted', async () => {
    const db = freshDb();
    await db.items.bulkPut([item('x', 'contact'), item('y', 'event')]);
    await db.transaction('rw', db.items, async () => {
      await db.items.bulkGet(['x', 'y']);
      await db.items.where('id').between('a', 'z').delete();
      await db.items.put(item('y', 'event'));
    });
    expect(await counts(db)).toEqual({ 'event:live': 1 });
  });
});
