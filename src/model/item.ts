// One mirrored contact, event, task or journal, exactly as served, and its earlier texts
// (the `items` and `versions` tables).

/** What an item is: a vCard, or the main component of a calendar object (RFC 4791 §4.1). */
export type ItemKind = 'contact' | 'event' | 'task' | 'journal';

/** One mirrored item, kept exactly as served, plus fields derived from it for display. */
export interface ItemRecord {
  /** `itemId(collectionId, href)` (db/item-id.ts): a digest of the two, 22 characters. */
  id: string;
  accountId: string;
  collectionId: string;
  kind: ItemKind;
  href: string;
  etag: string;
  /** The original text as the server served it: exports are built from this. */
  raw: string;
  uid: string | null;
  title: string;
  emails: string[];
  phones: string[];
  /** Calendar items: ISO 8601 start and end (no offset when floating or all-day). */
  start: string | null;
  end: string | null;
  allDay: boolean;
  recurring: boolean;
  firstSeenAt: number;
  updatedAt: number;
  /** When the item disappeared upstream. It stays in the mirror, marked. */
  deletedUpstreamAt: number | null;
  /** 1 while live, 0 once deleted upstream: an indexable flag for counts. */
  live: 0 | 1;
  /**
   * Contacts written by schemas 3 to 11: what a search found them by. Nothing reads it since
   * schema 12 (db/contact-words/); a write of the item drops it.
   */
  searchWords?: string[];
  /** Repeating events: their start, derived on every write (db/derived-fields.ts) for the agenda's index of series. */
  seriesStart?: string;
  /**
   * Tasks: their title, derived on every write (db/derived-fields.ts) for the tasks view's index
   * of names. Since schema 13 no other kind is in an index of names: events are listed by their
   * start, contacts from the search's records (db/contact-words/).
   */
  taskTitle?: string;
  /** When the person restored an earlier text into the mirror; cleared when the server's text comes in again. */
  restoredAt?: number | null;
  /**
   * Why the reader refused the text, when it did: the item is still stored exactly as served,
   * with display fields read leniently (sync/readers/unreadable-fields.ts). Absent: read.
   */
  unreadable?: string;
  /**
   * Set when the text was read only in part (the reader's `degraded` code, such as
   * `timezone-too-complex`): the fields are simpler, the stored text is whole. Absent: read in full.
   */
  degraded?: string;
}

/** An earlier text of an item, kept when the server changed it (or brought it back after deleting it). */
export interface VersionRecord {
  id?: number;
  itemId: string;
  etag: string;
  raw: string;
  /** When this text became the current one. */
  validFrom: number;
  /** When this text stopped being the current one. */
  replacedAt: number;
  /** When the item had vanished upstream while it held this text, if it had. */
  deletedAt: number | null;
}
