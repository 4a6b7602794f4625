// A count of a collection's items walks every entry of its index range (IndexedDB keeps no
// count), ~100 ms at 10,000 contacts in Chromium: a no-change sync once walked each collection
// three times (all held, live, and live again for the run record's mirror over time), which was
// nearly all its time at that size; then once. Now a run reads each collection's kept counts
// (db/collection-counts.ts) and walks no index at all, and still plans, judges and records
// with the right figures.
import { describe, expect, it } from 'vitest';
import { syncAccount } from '../../src/sync/sync-account';
import { MemorySource, card } from '../support/memory-source';
import { freshDb, addTestAccount, envelopeReaders } from '../support/test-db';
import { itemsTableWatch } from '../support/items-table-watch';

const BOOK = 'https://dav.example.com/alice/contacts/';
const OTHER = 'https://dav.example.com/alice/work/';
const href = (book: string, n: number) => `${book}${n}.vcf`;

/** Each count of the items table while watching: which index, and the range's lower key. */
function itemCounts() {
  const counts: Array<{ index: string | null; lower: unknown }> = [];
  let watching = false;
  const middleware = itemsTableWatch('item-counts', (table) => ({
    ...table,
    count: (request) => {
      if (watching) counts.push({ index: request.query.index.name, lower: request.query.range.lower });
      return table.count(request);
    },
  }));
  return { middleware, counts, watch: () => (watching = true) };
}

async function setup() {
  const db = freshDb();
  const watched = itemCounts();
  db.use(watched.middleware);
  const account = await addTestAccount(db);
  const source = new MemorySource();
  for (const book of [BOOK, OTHER]) {
    source.addCollection(book, book === BOOK ? 'Contacts' : 'Work');
    for (let n = 1; n <= 10; n++) source.put(book, href(book, n), card(`${book}${n}`, `Person ${n}`));
  }
  let clock = 1000;
  const sync = () => syncAccount({ db, source, readers: envelopeReaders, now: () => ++clock }, account);
  return { db, source, sync, watched };
}

describe('how often a sync counts a collection', () => {
  it('walks no index when nothing changed, and still records every count', async () => {
    const { db, source, sync, watched } = await setup();
    await sync();
    source.remove(BOOK, href(BOOK, 10));
    await sync();
    watched.watch();
    const summary = await sync();
    expect(summary).toMatchObject({ outcome: 'ok', added: 0, changed: 0, unchanged: 20 });
    expect(watched.counts).toEqual([]);
    const run = (await db.runs.toArray()).at(-1)!;
    expect(new Map(run.collectionCounts!.map((c) => [c.collectionId.endsWith(BOOK) ? 'book' : 'other', c.live]))).toEqual(new Map([['book', 9], ['other', 10]]));
  });

  it('walks no index when a collection changed, and records the counts after its changes', async () => {
    const { db, source, sync, watched } = await setup();
    await sync();
    source.put(BOOK, href(BOOK, 3), card('x3', 'Person Three'));
    source.remove(BOOK, href(BOOK, 4));
    watched.watch();
    const summary = await sync();
    expect(summary).toMatchObject({ outcome: 'ok', changed: 1, deletedUpstream: 1 });
    expect(watched.counts).toEqual([]);
    const run = (await db.runs.toArray()).at(-1)!;
    expect(run.collectionCounts!.map((c) => c.live).sort((a, b) => a - b)).toEqual([9, 10]);
  });
});
