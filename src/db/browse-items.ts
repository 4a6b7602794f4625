// Reads for browsing the mirror. Every one walks an index range and stops at `limit`, so a page
// costs the same with 200 items or 20,000 (a person asks for more with "Show more").
import { Dexie } from 'dexie';
import type { LifeboatDb } from './schema';
import type { ItemKind, ItemRecord } from '../model/item';
import { queryWords } from './search-words';

export interface PageOptions {
  limit: number;
  /** Items deleted upstream are shown (marked) unless the person hides them. */
  showDeleted: boolean;
}

const visible = (options: PageOptions) => (item: ItemRecord) => options.showDeleted || item.live === 1;

const byTitle = (a: ItemRecord, b: ItemRecord) => a.title.localeCompare(b.title);

/** Items of one kind in order of their name. */
export function listByTitle(db: LifeboatDb, kind: ItemKind, options: PageOptions): Promise<ItemRecord[]> {
  return db.items
    .where('[kind+title]')
    .between([kind, Dexie.minKey], [kind, Dexie.maxKey])
    .filter(visible(options))
    .limit(options.limit)
    .toArray();
}

/**
 * Contacts whose name, email or phone has a word starting with each word of the query. The
 * index finds the matches of the rarest word (counting index entries reads no record); the
 * other words only narrow those down. "anna 0170" among 20,000 contacts reads a few records.
 */
export async function searchContacts(db: LifeboatDb, query: string, options: PageOptions): Promise<ItemRecord[]> {
  const words = queryWords(query);
  if (words.length === 0) return listByTitle(db, 'contact', options);
  const counts = await Promise.all(words.map((word) => db.items.where('searchWords').startsWith(word).count()));
  const rarest = counts.indexOf(Math.min(...counts));
  const others = words.filter((_, index) => index !== rarest);
  const show = visible(options);
  const found = await db.items
    .where('searchWords')
    .startsWith(words[rarest]!)
    .distinct()
    .filter((item) => item.kind === 'contact' && show(item) && others.every((word) => (item.searchWords ?? []).some((w) => w.startsWith(word))))
    .limit(options.limit)
    .toArray();
  return found.sort(byTitle);
}

/** Events from a moment on (`upcoming`) or before it, newest first (`past`), by their start. */
export function agenda(db: LifeboatDb, from: string, direction: 'upcoming' | 'past', options: PageOptions): Promise<ItemRecord[]> {
  const range =
    direction === 'upcoming'
      ? db.items.where('[kind+start]').between(['event', from], ['event', Dexie.maxKey])
      : db.items.where('[kind+start]').between(['event', Dexie.minKey], ['event', from]).reverse();
  return range.filter(visible(options)).limit(options.limit).toArray();
}

/** Events that start in one month (`2025-03`), by the date written in the event. */
export function eventsInMonth(db: LifeboatDb, month: string, options: PageOptions): Promise<ItemRecord[]> {
  return db.items
    .where('[kind+start]')
    .between(['event', month], ['event', `${month}\uffff`])
    .filter(visible(options))
    .limit(options.limit)
    .toArray();
}

/**
 * Repeating events whose series starts before `to` (`2025-04-01`), for the views to expand
 * into their dates inside a window: a range of `seriesStart`, which only repeating events carry
 * (derived-fields.ts), so no single event is read.
 */
export function recurringEventsBefore(db: LifeboatDb, to: string, options: PageOptions): Promise<ItemRecord[]> {
  return db.items.where('seriesStart').below(to).filter(visible(options)).limit(options.limit).toArray();
}
