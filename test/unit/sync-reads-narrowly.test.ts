// A sync reads of the mirror only what its listing needs: each item record carries the item's
// whole text (inline photos included), so reading the collection to plan an unchanged one made
// a no-change sync cost a clone of the whole mirror.
import { describe, expect, it } from 'vitest';
import { syncAccount } from '../../src/sync/sync-account';
import { MemorySource, card } from '../support/memory-source';
import { freshDb, addTestAccount, envelopeReaders } from '../support/test-db';
import { itemsTableWatch } from '../support/items-table-watch';
import { itemId } from '../../src/db/item-id';

const BOOK = 'https://dav.example.com/alice/contacts/';
const href = (n: number) => `${BOOK}${n}.vcf`;
const idOf = (n: number) => itemId(`acct|${BOOK}`, href(n));

/** The ids of the item records read while `watching` is on, whichever Dexie call read them. */
function itemReads() {
  const ids: string[] = [];
  let watching = false;
  const note = (values: unknown[]) => {
    if (!watching) return;
    for (const value of values) if (value) ids.push((value as { id: string }).id);
  };
  const middleware = itemsTableWatch('item-reads', (table) => ({
    ...table,
    get: async (request) => {
      const value: unknown = await table.get(request);
      note([value]);
      return value;
    },
    getMany: async (request) => {
      const values: unknown[] = await table.getMany(request);
      note(values);
      return values;
    },
    query: async (request) => {
      const response = await table.query(request);
      if (request.values) note(response.result);
      return response;
    },
    openCursor: async (request) => {
      const cursor = await table.openCursor(request);
      if (cursor && request.values !== false) note([cursor.value]);
      return cursor;
    },
  }));
  return { middleware, ids, watch: () => (watching = true) };
}

async function setup(count: number) {
  const db = freshDb();
  const reads = itemReads();
  db.use(reads.middleware);
  const account = await addTestAccount(db);
  const source = new MemorySource();
  source.addCollection(BOOK, 'Contacts');
  for (let n = 1; n <= count; n++) source.put(BOOK, href(n), card(`u${n}`, `Person ${n}`));
  let clock = 1000;
  const sync = () => syncAccount({ db, source, readers: envelopeReaders, now: () => ++clock }, account);
  return { db, source, sync, reads };
}

describe('what a sync reads of the mirror', () => {
  it('reads no item when nothing changed, and still counts every item as unchanged', async () => {
    const { source, sync, reads } = await setup(20);
    await sync();
    // One marked deleted upstream: the count of unchanged items is every item held, as before.
    source.remove(BOOK, href(20));
    await sync();
    reads.watch();
    const summary = await sync();
    expect(summary).toMatchObject({ outcome: 'ok', added: 0, changed: 0, deletedUpstream: 0, unchanged: 20 });
    expect(reads.ids).toEqual([]);
  });

  it('reads only the items a delta names', async () => {
    const { source, sync, reads, db } = await setup(20);
    await sync();
    source.put(BOOK, href(7), card('u7', 'Person Seven'));
    source.remove(BOOK, href(9));
    reads.watch();
    const summary = await sync();
    expect(summary).toMatchObject({ outcome: 'ok', changed: 1, deletedUpstream: 1 });
    expect(new Set(reads.ids)).toEqual(new Set([idOf(7), idOf(9)]));
    expect(await db.items.get(idOf(9))).toMatchObject({ live: 0 });
  });
});
