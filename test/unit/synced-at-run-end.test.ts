// A collection whose run changed nothing but the moment it was synced has that moment written in
// the run's end transaction, as the run's own finishedAt, not in a transaction of its own; one
// with items still to fetch again saves them as before.
import { describe, expect, it } from 'vitest';
import { syncAccount } from '../../src/sync/sync-account';
import { MemorySource, card } from '../support/memory-source';
import { freshDb, addTestAccount, envelopeReaders } from '../support/test-db';

const BOOK = 'https://dav.example.com/alice/contacts/';
const OTHER = 'https://dav.example.com/alice/work/';

describe('lastSyncedAt of an unchanged collection', () => {
  it('is the run’s end, written with the run record; pending items are still saved at once', async () => {
    const db = freshDb();
    const account = await addTestAccount(db);
    const source = new MemorySource();
    source.addCollection(BOOK, 'Contacts');
    source.addCollection(OTHER, 'Work');
    source.put(BOOK, `${BOOK}1.vcf`, card('u1', 'Person 1'));
    source.put(OTHER, `${OTHER}1.vcf`, card('w1', 'Worker 1'));
    source.put(OTHER, `${OTHER}2.vcf`, card('w2', 'Worker 2'));
    source.failingHrefs.add(`${OTHER}2.vcf`);
    let clock = 1000;
    const sync = () => syncAccount({ db, source, readers: envelopeReaders, now: () => ++clock }, account);
    await sync();
    const run = await sync();
    expect(run).toMatchObject({ outcome: 'partial', unchanged: 2 });
    const book = await db.collections.get(`acct|${BOOK}`);
    const other = await db.collections.get(`acct|${OTHER}`);
    expect(book?.lastSyncedAt).toBe(run.finishedAt);
    // Still failing: the same pending href, nothing but the moment changed.
    expect(other).toMatchObject({ pendingHrefs: [`${OTHER}2.vcf`], lastSyncedAt: run.finishedAt });
    // Fetched at last: the pending list is cleared by the collection's own write, before the end.
    source.failingHrefs.clear();
    const third = await sync();
    const cleared = await db.collections.get(`acct|${OTHER}`);
    expect(cleared?.pendingHrefs).toEqual([]);
    expect(cleared?.lastSyncedAt).toBeLessThan(third.finishedAt!);
    expect((await db.collections.get(`acct|${BOOK}`))?.lastSyncedAt).toBe(third.finishedAt);
  });
});
