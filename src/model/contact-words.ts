// What a search of contacts reads (the `contactWords` table, db/contact-words/): each write of
// contacts appends one record naming what it wrote, so a first mirror adds one small record a
// batch where a multi-entry index added one entry a word.

/** One contact as a search finds it: its key, its name (to order what is found), its words. */
export type ContactWordsEntry = readonly [id: string, title: string, words: readonly string[]];

/** The contacts of one write, in the order written. Records are only appended, and replaced whole by a compaction. */
export interface ContactWordsRecord {
  /** Auto-increment: a later record holds a later write. */
  seq?: number;
  entries: ContactWordsEntry[];
}
