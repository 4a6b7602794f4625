// A mirror filled by the real engine and the real readers from a memory server holding an
// address book and a calendar, with a clock the test moves: the starting point of export,
// archive and restore tests.
import { readFileSync } from 'node:fs';
import { syncAccount } from '../../src/sync/sync-account';
import { readers } from '../../src/sync/readers';
import { MemorySource, card } from './memory-source';
import { addTestAccount, freshDb } from './test-db';

export const BOOK = 'https://dav.example.com/book/';
export const CALENDAR = 'https://dav.example.com/calendar/';

export function fixture(path: string): string {
  return readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');
}

export const CALENDAR_FIXTURES = ['calendar/dst-overlap.ics', 'calendar/all-day.ics', 'calendar/floating.ics', 'calendar/count-5000.ics', 'calendar/journal.ics'];

export interface WorldContents {
  /** Card texts; default three small cards. */
  cards?: string[];
  /** Calendar object texts; default CALENDAR_FIXTURES. */
  calendars?: string[];
}

export async function mirrorWorld(contents: WorldContents = {}) {
  const db = freshDb();
  const account = await addTestAccount(db);
  const source = new MemorySource();
  source.addCollection(BOOK, 'Friends');
  source.addCollection(CALENDAR, 'Work', true, 'calendar');
  const cards = contents.cards ?? [1, 2, 3].map((n) => card(`u${n}`, `Person ${n}`));
  cards.forEach((text, n) => source.put(BOOK, `${BOOK}${n + 1}.vcf`, text));
  (contents.calendars ?? CALENDAR_FIXTURES.map(fixture)).forEach((text, n) => source.put(CALENDAR, `${CALENDAR}${n}.ics`, text));
  let clock = 1_000;
  const syncAt = async (time: number) => {
    clock = time;
    return syncAccount({ db, source, readers, now: () => clock++ }, account);
  };
  await syncAt(1_000);
  return { db, account, source, syncAt };
}
