// A mirror written by schema 12 (the release whose `[kind+title]` index held every item's name; its
// stores frozen in test/support/schema-v12-stores.ts) opens with the current code whole: every
// record as written, its tasks given their `taskTitle`, the tasks and the contacts listed by name
// as before, and a task renamed by a sync found under its new name.
import { describe, expect, it } from 'vitest';
import { upgradedMirror } from '../support/old-mirror';
import { V12_STORES } from '../support/schema-v12-stores';
import { countRecords } from '../../src/db/counter-buckets';
import { countCollections } from '../../src/db/collection-counts';
import { itemId } from '../../src/db/item-id';
import { contactWordsEntry, recordsOf } from '../../src/db/contact-words/contact-words-entry';
import { agenda, listTasks, searchContacts } from '../../src/db/browse-items';
import { storeItems } from '../../src/db/mirror-writes';
import { selectForExport } from '../../src/db/export-selection';
import type { ItemKind, ItemRecord } from '../../src/model/item';
import type { CollectionRecord } from '../../src/model/collection';

const SERVER = 'https://dav.example.com/';
const BOOK = `acct|${SERVER}book/`;
const CAL = `acct|${SERVER}cal/`;

function item(collectionId: string, kind: ItemKind, n: number, title: string, live: 0 | 1 = 1): ItemRecord {
  const href = `${collectionId.slice(collectionId.indexOf('|') + 1)}${n}`;
  return {
    id: itemId(collectionId, href), accountId: 'acct', collectionId, kind, href, etag: `"${n}"`, raw: `${kind} ${n}`, uid: `u${n}`,
    title, emails: kind === 'contact' ? [`p${n}@example.org`] : [], phones: [], start: kind === 'event' ? `2026-01-${String((n % 28) + 1).padStart(2, '0')}` : null,
    end: null, allDay: false, recurring: false, firstSeenAt: 1, updatedAt: 2, deletedUpstreamAt: live ? null : 3, live,
  };
}

// Names out of code-unit order on purpose (lower case, accents), some items deleted upstream.
const CONTACTS = ['Zoë Adams', 'bob Brown', 'Émile Zola', 'Ann Lee', 'carl Diaz'].map((name, n) => item(BOOK, 'contact', n, name, n === 4 ? 0 : 1));
const EVENTS = Array.from({ length: 30 }, (_, n) => item(CAL, 'event', 100 + n, `Meeting ${n}`));
const TASKS = ['Water the plants', 'call the bank', 'Pay rent', 'Écrire à Anne'].map((name, n) => item(CAL, 'task', 200 + n, name, n === 2 ? 0 : 1));
const ITEMS = [...CONTACTS, ...EVENTS, ...TASKS];

const collection = (id: string, kind: 'addressbook' | 'calendar'): CollectionRecord => ({
  id, accountId: 'acct', kind, href: id.slice(id.indexOf('|') + 1), displayName: id, enabled: true, pendingHrefs: [], syncToken: null, ctag: null, lastSyncedAt: 2, goneUpstreamAt: null,
});
const COLLECTIONS = [collection(BOOK, 'addressbook'), collection(CAL, 'calendar')];
const TABLES = {
  accounts: [{ id: 'acct', kind: 'dav', label: 'acct', serverUrl: SERVER, calendarServerUrl: null, username: 'acct', createdAt: 1, detached: false, services: ['addressbook', 'calendar'], discovery: {}, status: 'idle', progress: null }],
  collections: COLLECTIONS,
  counters: countRecords(ITEMS, []),
  collectionCounts: countCollections(ITEMS),
  items: ITEMS,
  // As schema 12 appended them: one record of every contact written.
  contactWords: recordsOf(CONTACTS.map((contact) => contactWordsEntry(contact.id, contact))).map((record, n) => ({ ...record, seq: n + 1 })),
};

const everything = { limit: 100, showDeleted: true };
const titles = (items: readonly ItemRecord[]) => items.map((i) => i.title);

describe('the upgrade to schema 13', () => {
  it('opens a version-12 mirror whole, its tasks given their taskTitle and nothing else rewritten', async () => {
    const db = await upgradedMirror(12, V12_STORES, TABLES);
    expect(db.verno).toBe(13);
    expect(db.items.schema.indexes.map((index) => index.name).sort()).toEqual(['[collectionId+live]', '[kind+start]', 'seriesStart', 'taskTitle']);
    const expected = ITEMS.map((i) => (i.kind === 'task' ? { ...i, taskTitle: i.title } : i));
    const byId = (rows: readonly { id: string }[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(await db.items.toArray())).toEqual(byId(expected));
    for (const table of ['accounts', 'collections', 'counters', 'collectionCounts', 'contactWords'] as const) {
      expect(await db.table(table).toArray(), table).toEqual(expect.arrayContaining(TABLES[table] as unknown[]));
      expect(await db.table(table).count(), table).toBe(TABLES[table].length);
    }
    db.close();
    await db.delete();
  });

  it('lists tasks and contacts by name as before, events by start, and a renamed task under its new name', async () => {
    const db = await upgradedMirror(12, V12_STORES, TABLES);
    expect(titles(await listTasks(db, everything))).toEqual(['Water the plants', 'call the bank', 'Pay rent', 'Écrire à Anne'].sort());
    expect(titles(await listTasks(db, { limit: 100, showDeleted: false }))).not.toContain('Pay rent');
    expect(titles(await searchContacts(db, '', everything))).toEqual(['Ann Lee', 'bob Brown', 'carl Diaz', 'Émile Zola', 'Zoë Adams']);
    expect(titles(await searchContacts(db, '', { limit: 2, showDeleted: false }))).toEqual(['Ann Lee', 'bob Brown']);
    expect(titles(await searchContacts(db, 'p3@example', everything))).toEqual(['Ann Lee']);
    expect(await agenda(db, '2026-01-01', 'upcoming', everything)).toHaveLength(EVENTS.length);
    expect((await selectForExport(db, { kinds: ['event', 'task'] })).length).toBe(EVENTS.length + TASKS.length - 1);

    const task = TASKS[0]!;
    await storeItems(db, COLLECTIONS[1]!, [{ ...task, raw: 'task renamed', title: 'Buy seeds' }], 10);
    expect(titles(await listTasks(db, everything))).toEqual(['Buy seeds', 'call the bank', 'Pay rent', 'Écrire à Anne'].sort());
    db.close();
    await db.delete();
  });
});
