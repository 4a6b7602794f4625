// The search's records (db/contact-words/): one appended by each write of contacts, in the
// write's transaction; a search that reads them and then the items; a compaction that rewrites
// them without changing what any search finds.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { searchContacts } from '../../src/db/browse-items';
import { queryWords, searchWordsOf } from '../../src/db/search-words';
import { ENTRIES_PER_RECORD, answersQuery } from '../../src/db/contact-words/contact-words-entry';
import { compactContactWords, worthCompacting } from '../../src/db/contact-words/compact-contact-words';
import type { ItemRecord } from '../../src/model/item';
import type { LifeboatDb } from '../../src/db/schema';
import { freshDb } from '../support/test-db';

function contact(n: number, fields: Partial<ItemRecord> = {}): ItemRecord {
  return {
    id: `c${n}`, accountId: 'acct', collectionId: 'book', kind: 'contact', href: `${n}.vcf`, etag: '1', raw: `card ${n}`, uid: null,
    title: `Person ${n}`, emails: [], phones: [], start: null, end: null, allDay: false, recurring: false,
    firstSeenAt: 1, updatedAt: 1, deletedUpstreamAt: null, live: 1, ...fields,
  };
}

const everything = { limit: Number.MAX_SAFE_INTEGER, showDeleted: true };

/** What a search must find: every contact held whose words answer the query, by name. */
async function expected(db: LifeboatDb, query: string, showDeleted: boolean): Promise<string[]> {
  const words = queryWords(query);
  const contacts = await db.items.filter((item) => item.kind === 'contact').toArray();
  return contacts
    .filter((item) => (showDeleted || item.live === 1) && answersQuery(searchWordsOf(item), words))
    .sort((a, b) => a.title.localeCompare(b.title))
    .map((item) => item.id);
}

const found = async (db: LifeboatDb, query: string, options = everything) => (await searchContacts(db, query, options)).map((item) => item.id);

describe("the search's records", () => {
  it('are one record a write of contacts, naming each contact written with its words; a write of events adds none', async () => {
    const db = freshDb();
    await db.items.bulkPut([contact(1, { title: 'Ann Smith', emails: ['ann@work.example'] }), contact(2), contact(3, { kind: 'event', title: 'Smith meeting' })]);
    await db.items.put(contact(4, { kind: 'event' }));
    const records = await db.contactWords.toArray();
    expect(records).toHaveLength(1);
    expect(records[0]!.entries).toEqual([
      ['c1', 'Ann Smith', ['ann', 'smith', 'ann@work.example', 'work.example']],
      ['c2', 'Person 2', ['person', '2']],
    ]);
    expect(await found(db, 'smith')).toEqual(['c1']);
  });

  it('follow a rename, a removal and a write that fails', async () => {
    const db = freshDb();
    await db.items.bulkPut([contact(1, { title: 'Ann Smith' }), contact(2, { title: 'Bob Smith' })]);
    await db.items.update('c1', { title: 'Ann Jones' });
    await db.items.delete('c2');
    expect(await found(db, 'smith')).toEqual([]);
    expect(await found(db, 'jones')).toEqual(['c1']);
    // The transaction aborts: neither the item nor its record is kept.
    await expect(
      db.transaction('rw', db.items, async () => {
        await db.items.put(contact(3, { title: 'Cleo Smith' }));
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(await found(db, 'cleo')).toEqual([]);
    expect(await db.contactWords.count()).toBe(2);
    // An item that is no contact any more, under the same key, is not found by its old entry.
    await db.items.put(contact(1, { kind: 'task', title: 'Ann Jones' }));
    expect(await found(db, 'jones')).toEqual([]);
  });

  it('give a page of the first matches by name, reading on past removed contacts', async () => {
    const db = freshDb();
    await db.items.bulkPut(Array.from({ length: 450 }, (_, n) => contact(n, { title: `Smith ${String(n).padStart(3, '0')}`, live: n % 2 === 0 ? 1 : 0 })));
    await db.items.bulkDelete(Array.from({ length: 300 }, (_, n) => `c${n}`));
    const page = await found(db, 'smith', { limit: 10, showDeleted: false });
    expect(page).toEqual(Array.from({ length: 10 }, (_, k) => `c${300 + 2 * k}`));
  });

  it('are rewritten once grown past their contacts, and a search finds the same afterwards', async () => {
    const db = freshDb();
    for (let round = 0; round < 70; round++) await db.items.bulkPut([contact(1, { title: `Ann ${round}` }), contact(round + 2)]);
    await db.items.delete('c5');
    expect(await compactContactWords(db)).toBe(true);
    const records = await db.contactWords.toArray();
    expect(records).toHaveLength(1);
    expect(records[0]!.entries.map(([id]) => id).sort()).toEqual((await db.items.toCollection().primaryKeys()).sort());
    expect(await found(db, 'ann')).toEqual(['c1']);
    expect(await found(db, 'ann 69')).toEqual(['c1']);
    expect(await found(db, 'person')).toEqual(await expected(db, 'person', true));
    // Small enough now: left as it is.
    expect(await compactContactWords(db)).toBe(false);
  });

  it('are worth rewriting past 64 records (or one per 2,000 contacts), or twice the contacts', () => {
    expect(worthCompacting(64, 100, 50)).toBe(false);
    expect(worthCompacting(65, 100, 50)).toBe(true);
    expect(worthCompacting(75, 150_000, 150_000)).toBe(false);
    expect(worthCompacting(76, 150_000, 150_000)).toBe(true);
    expect(worthCompacting(10, 2 * 400 + 1_000, 400)).toBe(false);
    expect(worthCompacting(10, 2 * 400 + 1_001, 400)).toBe(true);
    expect(ENTRIES_PER_RECORD).toBe(2_000);
  });

  it('give what a scan of every contact gives, after any writes and compactions', async () => {
    const name = fc.constantFrom('Ann', 'Anna', 'Bob', 'Zoë', 'Émile', 'Smith', 'Jones');
    const op = fc.oneof(
      fc.record({ op: fc.constant('put' as const), n: fc.nat(8), first: name, last: name, email: fc.option(fc.constantFrom('a@x.example', 'b@y.example')), phone: fc.option(fc.constantFrom('+1 555 0100', '020 7946 0001')), live: fc.constantFrom<0 | 1>(0, 1), event: fc.boolean() }),
      fc.record({ op: fc.constant('delete' as const), n: fc.nat(8) }),
      fc.record({ op: fc.constant('compact' as const) }),
    );
    const query = fc.constantFrom('ann', 'an', 'smith jo', 'zoe', 'emile', 'x.example', '0100', '555 01', 'b@', 'nobody');
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 20 }), query, fc.boolean(), async (ops, asked, showDeleted) => {
        const db = freshDb();
        try {
          for (const step of ops) {
            if (step.op === 'put') {
              await db.items.put(contact(step.n, {
                kind: step.event ? 'event' : 'contact', title: `${step.first} ${step.last}`, emails: step.email ? [step.email] : [], phones: step.phone ? [step.phone] : [], live: step.live,
              }));
            } else if (step.op === 'delete') await db.items.delete(`c${step.n}`);
            else await compactContactWords(db);
          }
          expect(await found(db, asked, { limit: Number.MAX_SAFE_INTEGER, showDeleted })).toEqual(await expected(db, asked, showDeleted));
        } finally {
          db.close();
          await db.delete();
        }
      }),
      { numRuns: 60, seed: 20261207 },
    );
  });
});
