// An alarm is written in the transaction of the marks it describes: a failure between them
// (a worker stopped, a write refused) leaves both or neither, and the next run writes both.
import { describe, expect, it, vi } from 'vitest';
import { syncAccount } from '../../src/sync/sync-account';
import { MemorySource, card } from '../support/memory-source';
import { freshDb, addTestAccount, envelopeReaders } from '../support/test-db';

const BOOK = 'https://dav.example.com/alice/contacts/';

describe('the alarm of a collection gone upstream', () => {
  it('is written with the mark that says the collection is gone, or neither is', async () => {
    const db = freshDb();
    const account = await addTestAccount(db);
    const source = new MemorySource();
    source.addCollection(BOOK, 'Contacts');
    for (let n = 1; n <= 5; n++) source.put(BOOK, `${BOOK}${n}.vcf`, card(`u${n}`, `Person ${n}`));
    let clock = 1000;
    const sync = () => syncAccount({ db, source, readers: envelopeReaders, now: () => ++clock }, account);
    await sync();
    source.collections.delete(BOOK);

    const add = vi.spyOn(db.alarms, 'add').mockImplementationOnce(() => {
      throw new Error('worker stopped');
    });
    expect((await sync()).outcome).toBe('failed');
    add.mockRestore();
    expect(await db.alarms.count()).toBe(0);
    expect((await db.collections.get(`acct|${BOOK}`))?.goneUpstreamAt).toBeNull();

    const again = await sync();
    expect(again.alarms.map((alarm) => alarm.kind)).toEqual(['collection-gone']);
    expect((await db.collections.get(`acct|${BOOK}`))?.goneUpstreamAt).not.toBeNull();
    expect(await db.items.count()).toBe(5);
  });
});
