// One address book in a memory source, its mirror, and a sync at a chosen time: the set-up of
// tests about what the mirror holds over time.
import { syncAccount } from '../../src/sync/sync-account';
import type { Readers } from '../../src/model/item-reader';
import { MemorySource } from './memory-source';
import { freshDb, addTestAccount, envelopeReaders } from './test-db';

export async function syncWorld(book: string, readers: Readers = envelopeReaders) {
  const db = freshDb();
  const account = await addTestAccount(db);
  const source = new MemorySource();
  source.addCollection(book);
  let clock = 0;
  const syncAt = (time: number) => {
    clock = time;
    return syncAccount({ db, source, readers, now: () => clock++ }, account);
  };
  return { db, source, syncAt };
}
