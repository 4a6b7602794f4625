import { describe, expect, it } from 'vitest';
import { restoreVersion } from '../../src/db/restore-version';
import { itemHistory } from '../../src/db/item-history';
import { itemsAsOf } from '../../src/db/point-in-time';
import { readers } from '../../src/sync/readers';
import { card } from '../support/memory-source';
import { syncWorld } from '../support/sync-world';
import { itemId } from '../../src/db/item-id';

const BOOK = 'https://dav.example.com/book/';
const HREF = `${BOOK}1.vcf`;
const ID = itemId(`acct|${BOOK}`, HREF);

const world = () => syncWorld(BOOK, readers);

describe('restoreVersion', () => {
  it('makes the chosen text current and keeps the replaced one as a version', async () => {
    const { db, source, syncAt } = await world();
    source.put(BOOK, HREF, card('u1', 'Ann'));
    await syncAt(1000);
    source.put(BOOK, HREF, card('u1', 'Ann Renamed', 'new@example.com'));
    await syncAt(2000);
    const [, older] = (await itemHistory(db, ID))!.entries;
    expect(older?.raw).toBe(card('u1', 'Ann'));

    const restored = await restoreVersion(db, older!.versionId!, readers, 3000);

    expect(restored).toMatchObject({ raw: card('u1', 'Ann'), title: 'Ann', emails: ['u1@example.com'], updatedAt: 3000, restoredAt: 3000 });
    const history = (await itemHistory(db, ID))!;
    expect(history.entries.map((e) => e.raw)).toEqual([card('u1', 'Ann'), card('u1', 'Ann Renamed', 'new@example.com'), card('u1', 'Ann')]);
    // The mirror as of any moment still gives the text that was current then.
    const asOf = async (moment: number) => (await itemsAsOf(db, { kinds: ['contact'] }, moment))[0]?.raw;
    expect(await asOf(1500)).toBe(card('u1', 'Ann'));
    expect(await asOf(2500)).toBe(card('u1', 'Ann Renamed', 'new@example.com'));
    expect(await asOf(3500)).toBe(card('u1', 'Ann'));
  });

  it('keeps the restored text until the server changes the item, then keeps it as a version', async () => {
    const { db, source, syncAt } = await world();
    source.put(BOOK, HREF, card('u1', 'Ann'));
    await syncAt(1000);
    source.put(BOOK, HREF, card('u1', 'Ann B'));
    await syncAt(2000);
    const versionId = (await itemHistory(db, ID))!.entries[1]!.versionId!;
    await restoreVersion(db, versionId, readers, 3000);

    await syncAt(4000);
    expect((await db.items.get(ID))?.raw).toBe(card('u1', 'Ann'));

    source.put(BOOK, HREF, card('u1', 'Ann C'));
    await syncAt(5000);
    const item = await db.items.get(ID);
    expect(item).toMatchObject({ raw: card('u1', 'Ann C') });
    expect(item?.restoredAt ?? null).toBeNull();
    const texts = (await itemHistory(db, ID))!.entries.map((e) => e.raw);
    expect(texts).toEqual([card('u1', 'Ann C'), card('u1', 'Ann'), card('u1', 'Ann B'), card('u1', 'Ann')]);
  });

  it('says so when the version is no longer kept', async () => {
    const { db } = await world();
    await expect(restoreVersion(db, 999, readers, 1)).rejects.toThrow(/no longer kept/);
  });
});
