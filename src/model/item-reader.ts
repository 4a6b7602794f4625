// How the engine understands an item's text: a reader per kind of collection checks it and
// derives the fields the pages list and search, or says in plain words why it cannot.
import type { ItemKind } from './item';
import type { CollectionKind } from './source';

export interface ItemFields {
  kind: ItemKind;
  uid: string | null;
  title: string;
  emails?: string[];
  phones?: string[];
  /** Start and end as ISO 8601: with an offset when the time is fixed, without for floating or all-day. */
  start?: string | null;
  end?: string | null;
  allDay?: boolean;
  recurring?: boolean;
  /** Set only for an item the reader refused: why. The item is stored as served all the same. */
  unreadable?: string;
  /** Set when the item is stored as served but its fields are only partly derived (calendars/calendar-fields.ts CalendarDegraded). */
  degraded?: string;
}

export type ItemReading = { ok: true; fields: ItemFields } | { ok: false; reason: string };

export interface ItemReader {
  read(raw: string): ItemReading;
}

export type Readers = Record<CollectionKind, ItemReader>;
