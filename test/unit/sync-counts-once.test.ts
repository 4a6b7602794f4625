// A count of a collection's items walks every entry of its index range (IndexedDB keeps no
// count), ~100 ms at 10,000 contacts in Chromium: a no-change sync once walked each collection
// three times (all held, live, and live again for the run record's mirror over time), which was
// nearly all its time at that size. Each collection's live items are now walked once a run.
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

/** How many times the live items of each collection were counted. */
const liveWalks = (counts: Array<{ lower: unknown }>): Map<string, number> => {
  const walks = new Map<string, number>();
  for (const { lower } of counts) {
    const [collectionId, live] = lower as [string, number];
    if (live === 1) walks.set(collectionId, (walks.get(collectionId) ?? 0) + 1);
  }
  return walks;
};

describe('how often a sync counts a collection', () => {
  it('walks each live collection once when nothing changed, and still records every count', async () => {
    const { db, source, sync, watched } = await setup();
    await sync();
    source.remove(BOOK, href(BOOK, 10));
    await sync();
    watched.watch();
    const summary = await sync();
    expect(summary).toMatchObject({ outcome: 'ok', added: 0, changed: 0, unchanged: 20 });
    // Every count is of one state (live or deleted), never of the whole collection's range.
    expect(watched.counts.every(({ index, lower }) => index === '[collectionId+live]' && [0, 1].includes((lower as [string, number])[1]))).toBe(true);
    expect([...liveWalks(watched.counts).values()]).toEqual([1, 1]);
    const run = (await db.runs.toArray()).at(-1)!;
    expect(new Map(run.collectionCounts!.map((c) => [c.collectionId.endsWith(BOOK) ? 'book' : 'other', c.live]))).toEqual(new Map([['book', 9], ['other', 10]]));
  });

  it('records the count the wipe judgment read for a collection that changed, without counting it again', async () => {
    const { db, source, sync, watched } = await setup();
    await sync();
    source.put(BOOK, href(BOOK, 3), card('x3', 'Person Three'));
    source.remove(BOOK, href(BOOK, 4));
    watched.watch();
    const summary = await sync();
    expect(summary).toMatchObject({ outcome: 'ok', changed: 1, deletedUpstream: 1 });
    // The changed book: once to plan, once for the wipe judgment; the other: once to plan.
    expect([...liveWalks(watched.counts).values()].sort()).toEqual([1, 2]);
    const run = (await db.runs.toArray()).at(-1)!;
    expect(run.collectionCounts!.map((c) => c.live).sort((a, b) => a - b)).toEqual([9, 10]);
  });
});
