// The search's records (model/contact-words.ts) rewritten from what they say: each contact's
// latest entry once, the contacts removed since left out. Appending a record a write keeps the
// writes cheap; this keeps a search's read small. Run after each sync run that wrote items
// (background/sync-runner.ts), and rewrites only when the records have grown past their contacts.
import type { LifeboatDb } from '../schema';
import { ENTRIES_PER_RECORD, latestEntries, recordsOf } from './contact-words-entry';

/** Records beyond this many, or entries beyond twice the contacts (plus this slack), start a compaction. */
const MOST_RECORDS = 64;
const SLACK_ENTRIES = 1_000;

/** Whether records holding `entries` entries for `contacts` contacts are worth rewriting. */
export function worthCompacting(records: number, entries: number, contacts: number): boolean {
  return records > Math.max(MOST_RECORDS, Math.ceil(contacts / ENTRIES_PER_RECORD)) || entries > 2 * contacts + SLACK_ENTRIES;
}

/**
 * Rewrites the records when worthCompacting says so, in one transaction with the items (no write
 * of a contact can slip between the read and the rewrite). Returns whether it rewrote them.
 */
export function compactContactWords(db: LifeboatDb): Promise<boolean> {
  return db.transaction('rw', db.items, db.contactWords, async () => {
    const records = await db.contactWords.toArray();
    const latest = latestEntries(records);
    const entries = records.reduce((sum, record) => sum + record.entries.length, 0);
    if (!worthCompacting(records.length, entries, latest.size)) return false;
    const held = new Set(await db.items.toCollection().primaryKeys());
    const kept = [...latest.values()].filter(([id]) => held.has(id));
    await db.contactWords.clear();
    await db.contactWords.bulkAdd(recordsOf(kept));
    return true;
  });
}
