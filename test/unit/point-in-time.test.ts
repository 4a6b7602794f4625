import { describe, expect, it } from 'vitest';
import { itemsAsOf } from '../../src/db/point-in-time';
import { card } from '../support/memory-source';
import { syncWorld } from '../support/sync-world';

const BOOK = 'https://dav.example.com/book/';
const href = (n: number) => `${BOOK}${n}.vcf`;

async function world() {
  const { db, source, syncAt } = await syncWorld(BOOK);
  const asOf = async (moment: number) =>
    new Map((await itemsAsOf(db, { kinds: ['contact'] }, moment)).map(({ item, raw }) => [item.href, raw]));
  return { db, source, syncAt, asOf };
}

describe('itemsAsOf', () => {
  it('gives each item the text it had at the moment, and leaves out what did not exist yet', async () => {
    const { source, syncAt, asOf } = await world();
    source.put(BOOK, href(1), card('u1', 'First'));
    await syncAt(1000);
    source.put(BOOK, href(1), card('u1', 'First, renamed'));
    source.put(BOOK, href(2), card('u2', 'Second'));
    await syncAt(2000);

    expect(await asOf(1500)).toEqual(new Map([[href(1), card('u1', 'First')]]));
    expect(await asOf(2500)).toEqual(new Map([[href(1), card('u1', 'First, renamed')], [href(2), card('u2', 'Second')]]));
    expect(await asOf(500)).toEqual(new Map());
  });

  it('shows an item deleted upstream before its deletion, and not after', async () => {
    const { source, syncAt, asOf } = await world();
    source.put(BOOK, href(1), card('u1', 'Gone soon'));
    await syncAt(1000);
    source.remove(BOOK, href(1));
    await syncAt(2000);
    expect((await asOf(1500)).has(href(1))).toBe(true);
    expect((await asOf(2500)).has(href(1))).toBe(false);
  });

  it('knows an item was absent while it was deleted, after it comes back', async () => {
    const { source, syncAt, asOf } = await world();
    source.put(BOOK, href(1), card('u1', 'Phoenix'));
    await syncAt(1000);
    source.remove(BOOK, href(1));
    await syncAt(2000);
    source.put(BOOK, href(1), card('u1', 'Phoenix again'));
    await syncAt(3000);
    expect(await asOf(1500)).toEqual(new Map([[href(1), card('u1', 'Phoenix')]]));
    expect((await asOf(2500)).has(href(1))).toBe(false);
    expect(await asOf(3500)).toEqual(new Map([[href(1), card('u1', 'Phoenix again')]]));
  });
});
