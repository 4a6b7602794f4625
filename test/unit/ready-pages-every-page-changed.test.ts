// A change on every page of the ready .vcf rebuilds each page once, from its own items, and not
// the whole export after it (exporters/ready/keep-pages.ts): a stale page's record holds no bytes,
// and the check for a page grown past its size used to count it as empty, so that every rebuilt
// page looked grown and the whole export was built again. Watched through the reads IndexedDB is
// asked for: none of them returns more than a page of items, and the pages joined are still the
// file the live export builds.
import { describe, expect, it } from 'vitest';
import type { DBCore, DBCoreGetManyRequest, DBCoreQueryRequest, Middleware } from 'dexie';
import { freshDb } from '../support/test-db';
import { storeItems, type FetchedItem } from '../../src/db/mirror-writes';
import { insertAccount } from '../../src/db/accounts';
import { buildExport } from '../../src/exporters/build-export';
import { freshPages } from '../../src/exporters/ready/keep-pages';
import { joinPages } from '../../src/exporters/ready/ready-export';
import type { CollectionRecord } from '../../src/model/collection';

const NOW = new Date(2026, 11, 8, 12, 0);
const CONTACTS = 1_200;
const book = { id: 'acct|book', accountId: 'acct', kind: 'addressbook', href: 'https://dav.example.com/book/', displayName: 'C', enabled: true, pendingHrefs: [] } as unknown as CollectionRecord;
const card = (n: number, note = ''): FetchedItem => {
  const title = `Person ${String(n).padStart(4, '0')}`;
  return { href: `h${n}`, etag: `"${n}${note}"`, raw: `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${title}\r\nN:${title};;;;\r\nNOTE:${'x'.repeat(n % 50)}${note}\r\nEND:VCARD\r\n`, kind: 'contact', uid: null, title };
};

/** The most items one read of the items' store handed back, from now on. */
function itemsReadWatch() {
  let most = 0;
  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'items-read-watch',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (name !== 'items') return table;
        return {
          ...table,
          getMany: async (request: DBCoreGetManyRequest) => {
            const values: unknown[] = await table.getMany(request);
            most = Math.max(most, values.length);
            return values;
          },
          query: async (request: DBCoreQueryRequest) => {
            const result = await table.query(request);
            if (request.values) most = Math.max(most, result.result.length);
            return result;
          },
        };
      },
    }),
  };
  return { middleware, most: () => most, reset: () => (most = 0) };
}

describe('the ready .vcf after a change on every page', () => {
  it('are rebuilt once each after a change on every page, and join into the live export', async () => {
    const db = freshDb();
    const watch = itemsReadWatch();
    db.use(watch.middleware);
    await insertAccount(db, { id: 'acct', kind: 'dav', label: 'A', serverUrl: 'https://dav.example.com/', calendarServerUrl: null, services: ['addressbook'], username: 'a' }, 1);
    for (let start = 0; start < CONTACTS; start += 100) await storeItems(db, book, Array.from({ length: 100 }, (_, i) => card(start + i)), 1);

    // Pages of at least 2,000 characters, at most 16: about 75 contacts a page.
    const pages = await freshPages(db, 'contacts', 2_000);
    expect(pages.length).toBe(16);
    const largestPage = Math.max(...pages.map((page) => page.ids.length));
    expect(largestPage).toBeLessThan(100);

    // A change on every page: each stale page is rebuilt from its own items, and the export is
    // not built again after (the pages cut as they were).
    const firstOfEach = new Set(pages.map((page) => page.ids[0]!));
    const ids = (await db.items.toArray()).filter((item) => firstOfEach.has(item.id)).map((item) => Number(item.href.slice(1)));
    await storeItems(db, book, ids.map((n) => card(n, ' changed')), 2);
    expect((await db.exportPages.toArray()).filter((page) => page.stale)).toHaveLength(16);
    const layout = await db.exportLayouts.get('contacts');
    watch.reset();
    const rebuilt = await freshPages(db, 'contacts', 2_000);
    expect(rebuilt.every((page) => !page.stale)).toBe(true);
    expect(await db.exportLayouts.get('contacts')).toEqual(layout);
    expect(watch.most()).toBeLessThanOrEqual(largestPage + 1);

    const { parts } = await buildExport(db, 'contacts', {}, NOW);
    expect(await joinPages('contacts', rebuilt, NOW).blob.text()).toBe(parts.join(''));
    db.close();
  });
});
