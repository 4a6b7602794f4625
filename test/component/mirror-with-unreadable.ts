// A mirror in the page's own database (openDb) with one readable card and one no reader takes,
// stored as served: what the export panel's list of items kept as served names.
import { syncAccount } from '../../src/sync/sync-account';
import { readers } from '../../src/sync/readers/index';
import { openDb } from '../../src/db/schema';
import { MemorySource, card } from '../support/memory-source';
import { addTestAccount } from '../support/test-db';

const BOOK = 'https://dav.example.com/alice/contacts/';
export const UNREADABLE = 'BEGIN:VCARD\r\nVERSION:4.0\r\nUID:odd\r\nN:Odd;Card;;;\r\nnot a property line\r\nEND:VCARD\r\n';

export async function mirrorWithUnreadable(): Promise<void> {
  const db = openDb();
  const account = await addTestAccount(db);
  const source = new MemorySource();
  source.addCollection(BOOK, 'Family');
  source.put(BOOK, `${BOOK}a.vcf`, card('a', 'Alice'));
  source.put(BOOK, `${BOOK}odd.vcf`, UNREADABLE);
  await syncAccount({ db, source, readers, now: () => 1000 }, account);
}
