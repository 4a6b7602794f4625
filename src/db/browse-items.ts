// Reads for browsing the mirror. Each reads items only until `limit`, so a page costs about the
// same with 200 items or 20,000 (a person asks for more with "Show more"): events and tasks by
// walking an index range, contacts in the order the search's small records give (read whole,
// a few hundred KB for 10,000 contacts, and sorted by name).
import { Dexie } from 'dexie';
import type { LifeboatDb } from './schema';
import type { ItemRecord } from '../model/item';
import { queryWords } from './search-words';
import { answersQuery, latestEntries } from './contact-words/contact-words-entry';

export interface PageOptions {
  limit: number;
  /** Items deleted upstream are shown (marked) unless the person hides them. */
  showDeleted: boolean;
}

const visible = (options: PageOptions) => (item: ItemRecord) => options.showDeleted || item.live === 1;

// One collator for every comparison (the order of String.prototype.localeCompare, without its
// setup on each call): listing contacts without a query sorts every contact's name.
const byName = new Intl.Collator();
const byTitle = (a: ItemRecord, b: ItemRecord) => byName.compare(a.title, b.title);

/** Tasks in order of their name: the index of `taskTitle`, which only tasks carry (derived-fields.ts). */
export function listTasks(db: LifeboatDb, options: PageOptions): Promise<ItemRecord[]> {
  return db.items.orderBy('taskTitle').filter(visible(options)).limit(options.limit).toArray();
}

/** Contacts a search reads at a time, in the order of their names, until it has a page. */
const SEARCH_READ = 200;

/**
 * Contacts in the order of their names, all of them or those whose name, email or phone has a
 * word starting with each word of the query. The search's records (db/contact-words/, a few
 * hundred KB for 10,000 contacts) name every contact, each by its latest entry, written with its
 * latest text: they say which contacts answer and in which order (no index of names holds
 * contacts since schema 13); their items are then read in that order until a page is full (an
 * entry may name a contact removed since, or an item that is no contact any more).
 */
export async function searchContacts(db: LifeboatDb, query: string, options: PageOptions): Promise<ItemRecord[]> {
  const words = queryWords(query);
  const entries = [...latestEntries(await db.contactWords.toArray()).values()];
  const answering = (words.length === 0 ? entries : entries.filter(([, , contactWords]) => answersQuery(contactWords, words))).sort((a, b) =>
    byName.compare(a[1], b[1]),
  );
  const show = visible(options);
  const found: ItemRecord[] = [];
  for (let start = 0; start < answering.length && found.length < options.limit; start += SEARCH_READ) {
    const items = await db.items.bulkGet(answering.slice(start, start + SEARCH_READ).map(([id]) => id));
    for (const item of items) {
      if (item?.kind === 'contact' && show(item)) found.push(item);
    }
  }
  return found.slice(0, options.limit).sort(byTitle);
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
