// A sync with nothing new costs few IndexedDB round trips, each a wait for the browser's
// database thread: the run record and the account's status are written in one transaction at
// the start and one at the end (never one without the other), and the collections are not
// written again by the listing when nothing about them changed (each write also wakes every
// open page's live queries). A collection the listing finds unchanged reads nothing of its own:
// its counts come with the collections, read beside the run's start.
import { describe, expect, it } from 'vitest';
import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';
import { syncAccount } from '../../src/sync/sync-account';
import { MemorySource, card } from '../support/memory-source';
import { freshDb, addTestAccount, envelopeReaders } from '../support/test-db';

const BOOKS = ['https://dav.example.com/alice/contacts/', 'https://dav.example.com/alice/work/'];

/** Every transaction opened and every write made while watching: mode, table, stores. */
function dbWatch() {
  const writes: Array<{ table: string; type: DBCoreMutateRequest['type']; stores: string[] }> = [];
  const opened: Array<{ mode: string; stores: string[] }> = [];
  let watching = false;
  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'db-watch',
    create: (down) => ({
      ...down,
      transaction(stores, mode, options) {
        if (watching) opened.push({ mode, stores: [...stores].sort() });
        return down.transaction(stores, mode, options);
      },
      table(name) {
        const table = down.table(name);
        return {
          ...table,
          mutate: (request: DBCoreMutateRequest) => {
            if (watching) writes.push({ table: name, type: request.type, stores: [...(request.trans as unknown as IDBTransaction).objectStoreNames] });
            return table.mutate(request);
          },
        };
      },
    }),
  };
  return { middleware, writes, opened, watch: () => (watching = true) };
}

async function setup() {
  const db = freshDb();
  const watched = dbWatch();
  db.use(watched.middleware);
  // What happened in which order: the listing asked, a run record's transaction completed.
  const events: string[] = [];
  db.use({
    stack: 'dbcore',
    name: 'runs-completion',
    create: (down) => ({
      ...down,
      table(name) {
        const table = down.table(name);
        if (name !== 'runs') return table;
        return {
          ...table,
          mutate: (request: DBCoreMutateRequest) => {
            (request.trans as unknown as IDBTransaction).addEventListener('complete', () => events.push('run record written'));
            return table.mutate(request);
          },
        };
      },
    }),
  });
  const account = await addTestAccount(db);
  const source = new MemorySource();
  for (const book of BOOKS) {
    source.addCollection(book, 'Book');
    for (let n = 1; n <= 5; n++) source.put(book, `${book}${n}.vcf`, card(`${book}${n}`, `Person ${n}`));
  }
  let clock = 1000;
  const sync = () => syncAccount({ db, source, readers: envelopeReaders, now: () => ++clock }, account);
  return { db, source, sync, watched, events };
}

describe('the transactions of a sync with nothing new', () => {
  it('writes the run record with the account status, at the start and at the end', async () => {
    const { sync, watched } = await setup();
    await sync();
    watched.watch();
    expect(await sync()).toMatchObject({ outcome: 'ok', unchanged: 10 });
    const runWrites = watched.writes.filter((w) => w.table === 'runs');
    expect(runWrites).toHaveLength(2);
    for (const write of runWrites) expect(write.stores).toContain('accounts');
  });

  it("opens three transactions: the run's start, the collections with their counts, the run's end", async () => {
    const { sync, watched } = await setup();
    await sync();
    watched.watch();
    expect(await sync()).toMatchObject({ outcome: 'ok', unchanged: 10 });
    // No transaction per collection (its counts, its progress) and none to reconcile a listing
    // that changed nothing: each would be one more wait for the database before the run ends.
    expect(watched.opened).toHaveLength(3);
    expect(watched.opened.filter((t) => t.mode === 'readonly').map((t) => t.stores)).toEqual([['collectionCounts', 'collections']]);
  });

  it('writes no collection record while reconciling the listing when nothing about the collections changed', async () => {
    const { sync, source, watched } = await setup();
    await sync();
    watched.watch();
    await sync();
    // Reconciling is the one transaction that holds the alarms beside the collections.
    const reconciling = (w: { table: string; stores: string[] }) => w.table === 'collections' && w.stores.includes('alarms');
    expect(watched.writes.filter(reconciling)).toEqual([]);
    // A collection renamed upstream (MemorySource re-adds it, empty) is written, and only that one.
    source.addCollection(BOOKS[1]!, 'Renamed');
    watched.writes.length = 0;
    await sync();
    expect(watched.writes.filter(reconciling)).toHaveLength(1);
  });

  it("asks the listing while the run's start is being written, not after", async () => {
    const { source, sync, events } = await setup();
    await sync();
    const listCollections = source.listCollections.bind(source);
    source.listCollections = () => {
      events.push('listing asked');
      return listCollections();
    };
    events.length = 0;
    expect(await sync()).toMatchObject({ outcome: 'ok', unchanged: 10 });
    // The first request waits for the collections' read alone, not for the run's start to land.
    expect(events).toEqual(['listing asked', 'run record written', 'run record written']);
  });
});
