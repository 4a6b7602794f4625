// Fills the extension's database from one of its pages with a large mirror, in one IndexedDB
// transaction: syncing 20,000 items from a server would take minutes, and what is measured
// here is the pages, not the engine. The page must have opened the database first (any
// Lifeboat page does, at its current schema version).
import type { Page } from 'playwright-core';

export interface SeedCounts {
  contacts: number;
  deletedContacts: number;
  events: number;
  tasks: number;
}

export function seedLargeMirror(page: Page, accountId: string, counts: SeedCounts): Promise<void> {
  return page.evaluate(
    ({ accountId, counts }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('lifeboat');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const tx = open.result.transaction(['accounts', 'collections', 'items', 'counters', 'contactWords'], 'readwrite');
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(new Error(String(tx.error)));
          const now = Date.now();
          tx.objectStore('accounts').put({
            id: accountId, kind: 'dav', label: 'Large', serverUrl: 'https://dav.example.com/', calendarServerUrl: null,
            services: ['addressbook', 'calendar'], username: 'large', createdAt: now, status: 'idle', lastError: null,
            lastSuccessAt: now - 5 * 60_000, progress: null, detached: false, discovery: {},
          });
          const items = tx.objectStore('items');
          // What db/contact-words/ appends for each write of contacts the extension makes.
          const contactWords: Array<[string, string, string[]]> = [];
          let n = 0;
          const add = (kind: string, collection: string, count: number, live: 0 | 1) => {
            for (let i = 0; i < count; i++, n++) {
              const id = `${accountId}|${collection}|${n}`;
              items.put({
                id, accountId, collectionId: `${accountId}|${collection}`, kind, href: `${n}`, etag: '1',
                raw: '', uid: null, title: `Item ${n}`, emails: [], phones: [], start: kind === 'event' ? '2025-03-01' : null, end: null,
                allDay: false, recurring: false, firstSeenAt: now, updatedAt: now, deletedUpstreamAt: live ? null : now, live,
                // What db/derived-fields.ts adds to a task on every write: the tasks view's index of names.
                ...(kind === 'task' ? { taskTitle: `Item ${n}` } : {}),
              });
              if (kind === 'contact') contactWords.push([id, `Item ${n}`, ['item', String(n)]]);
            }
          };
          add('contact', 'book', counts.contacts, 1);
          add('contact', 'book', counts.deletedContacts, 0);
          add('event', 'cal', counts.events, 1);
          add('task', 'cal', counts.tasks, 1);
          for (let start = 0; start < contactWords.length; start += 2_000) tx.objectStore('contactWords').add({ entries: contactWords.slice(start, start + 2_000) });
          // What db/counters-middleware.ts keeps in the same transaction as the extension's writes.
          tx.objectStore('counters').put({
            accountId,
            counts: { 'contact:live': counts.contacts, 'contact:deleted': counts.deletedContacts, 'event:live': counts.events, 'task:live': counts.tasks },
          });
        };
      }),
    { accountId, counts },
  );
}
