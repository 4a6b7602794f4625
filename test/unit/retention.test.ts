import { describe, expect, it } from 'vitest';
import { pruneVersions } from '../../src/db/retention';
import { freshDb } from '../support/test-db';

const DAY = 86_400_000;
const NOW = 1000 * DAY;

describe('pruneVersions', () => {
  it('keeps every version younger than the window, and the newest N of each item beyond it', async () => {
    const db = freshDb();
    // Item a: 8 versions, 100 to 93 days old. Item b: 3 versions, 200 days old. Item c: 2 recent ones.
    const versions = [
      ...Array.from({ length: 8 }, (_, i) => ({ itemId: 'a', replacedAt: NOW - (100 - i) * DAY })),
      ...Array.from({ length: 3 }, (_, i) => ({ itemId: 'b', replacedAt: NOW - 200 * DAY + i })),
      ...Array.from({ length: 2 }, (_, i) => ({ itemId: 'c', replacedAt: NOW - i * DAY })),
    ].map((v, i) => ({ ...v, etag: String(i), raw: `text ${i}`, validFrom: 0, deletedAt: null }));
    await db.versions.bulkAdd(versions);

    const pruned = await pruneVersions(db, NOW, { keepVersionsDays: 90, keepMinVersions: 5 });

    expect(pruned).toBe(3);
    const left = await db.versions.toArray();
    const of = (id: string) => left.filter((v) => v.itemId === id).map((v) => Math.round((NOW - v.replacedAt) / DAY));
    expect(of('a')).toEqual([97, 96, 95, 94, 93]);
    expect(of('b')).toHaveLength(3);
    expect(of('c')).toHaveLength(2);
  });

  it('never removes a version inside the window, however many there are', async () => {
    const db = freshDb();
    await db.versions.bulkAdd(
      Array.from({ length: 30 }, (_, i) => ({ itemId: 'a', etag: String(i), raw: String(i), validFrom: 0, replacedAt: NOW - i * 1000, deletedAt: null })),
    );
    expect(await pruneVersions(db, NOW, { keepVersionsDays: 90, keepMinVersions: 5 })).toBe(0);
  });
});
