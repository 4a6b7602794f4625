// A contact's entry in the search's records (model/contact-words.ts), and what a search asks of
// the entries: the latest entry of each contact, and whether its words answer a query.
import type { ContactWordsEntry, ContactWordsRecord } from '../../model/contact-words';
import type { ItemRecord } from '../../model/item';
import { searchWordsOf } from '../search-words';

export const CONTACT_WORDS_TABLE = 'contactWords';

/** Entries a rewritten record holds: a few hundred KB, read in one go by a search. */
export const ENTRIES_PER_RECORD = 2_000;

export function contactWordsEntry(id: string, item: Pick<ItemRecord, 'title' | 'emails' | 'phones'>): ContactWordsEntry {
  return [id, item.title, searchWordsOf(item)];
}

/**
 * Each contact's latest entry, from records in the order they were written: a later write of a
 * contact replaces what an earlier one said. A contact removed since may still have one (the
 * record it came from is only rewritten by a compaction): the search reads the item to know.
 */
export function latestEntries(records: readonly ContactWordsRecord[]): Map<string, ContactWordsEntry> {
  const latest = new Map<string, ContactWordsEntry>();
  for (const record of records) for (const entry of record.entries) latest.set(entry[0], entry);
  return latest;
}

/** Whether every word of a query begins one of the contact's words ("ann" finds "anna"). */
export function answersQuery(words: readonly string[], query: readonly string[]): boolean {
  return query.every((asked) => words.some((word) => word.startsWith(asked)));
}

/** Entries cut into records of ENTRIES_PER_RECORD, in order. */
export function recordsOf(entries: readonly ContactWordsEntry[]): ContactWordsRecord[] {
  const records: ContactWordsRecord[] = [];
  for (let start = 0; start < entries.length; start += ENTRIES_PER_RECORD) records.push({ entries: entries.slice(start, start + ENTRIES_PER_RECORD) });
  return records;
}
