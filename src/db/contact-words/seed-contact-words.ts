// The upgrade to schema 12: the search's records (model/contact-words.ts) built from the
// contacts the mirror holds, their words worked out again from their fields (the `searchWords`
// the records of schema 11 carried may have been dropped by its move of every item).
import { Dexie, type Transaction } from 'dexie';
import type { ContactWordsEntry } from '../../model/contact-words';
import type { ItemRecord } from '../../model/item';
import { CONTACT_WORDS_TABLE, contactWordsEntry, recordsOf } from './contact-words-entry';

export async function seedContactWords(tx: Transaction): Promise<void> {
  const entries: ContactWordsEntry[] = [];
  await tx
    .table('items')
    .where('[kind+title]')
    .between(['contact', Dexie.minKey], ['contact', Dexie.maxKey])
    .each((item: ItemRecord) => {
      entries.push(contactWordsEntry(item.id, item));
    });
  await tx.table(CONTACT_WORDS_TABLE).bulkAdd(recordsOf(entries));
}
