// The wipe drill: 90% of an address book is deleted upstream at once, as in the 2009
// Sidekick failure. Afterwards every card is still in the mirror, the alarm is raised, and
// the mirror as it was before the wipe is whole and exports to a valid .vcf. And the slow
// drill: 18 of 200 cards deleted before each sync, which no single run notices, raises the
// alarm by the third sync (the 30-day high-water mark, sync/wipe-window.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { startRadicale, makeCards, deleteItem, type RadicaleServer } from '../harness';
import { runMirror } from '../harness/mirror-run';
import { freshDb, addTestAccount } from '../support/test-db';
import { readers } from '../../src/sync/readers';
import { itemsAsOf } from '../../src/db/point-in-time';
import { buildExport } from '../../src/exporters/build-export';
import { acknowledgeAlarm, openAlarms } from '../../src/db/alarms';

const CARDS = makeCards(100);
let radicale: RadicaleServer;

beforeAll(async () => {
  radicale = await startRadicale({ seed: [{ name: 'contacts', kind: 'addressbook', displayName: 'Contacts', items: CARDS }] });
});
afterAll(() => radicale?.stop());

describe('the wipe drill against a real Radicale', () => {
  it('keeps every card, raises the alarm, and exports the state from before the wipe', async () => {
    const db = freshDb();
    const account = await addTestAccount(db);
    const setup = { db, account, readers, serverUrl: radicale.url, username: radicale.username, password: radicale.password, kinds: ['addressbook' as const] };
    await runMirror(setup);
    const beforeWipe = Date.now();
    const original = new Map((await db.items.toArray()).map((item) => [item.href, item.raw]));
    expect(original.size).toBe(100);

    const auth = { username: radicale.username, password: radicale.password };
    // One at a time: Radicale serialises writes to a collection anyway.
    for (const card of CARDS.slice(0, 90)) await deleteItem(`${radicale.addressBookUrl}${card.name}`, auth);
    const { summary } = await runMirror(setup);

    expect(summary.deletedUpstream).toBe(90);
    expect(summary.alarms).toHaveLength(1);
    expect(summary.alarms[0]).toMatchObject({ kind: 'mass-change', deleted: 90, liveBefore: 100 });
    expect(await openAlarms(db)).toHaveLength(1);

    const items = await db.items.toArray();
    expect(items).toHaveLength(100);
    expect(items.filter((item) => item.live === 1)).toHaveLength(10);
    for (const item of items) expect(item.raw).toBe(original.get(item.href));

    const asBefore = await itemsAsOf(db, { kinds: ['contact'] }, beforeWipe);
    expect(new Map(asBefore.map(({ item, raw }) => [item.href, raw]))).toEqual(original);

    const file = await buildExport(db, 'contacts', { asOf: summary.alarms[0]!.before }, new Date());
    expect(file.count).toBe(100);
    expect(file.fileName).toMatch(/^lifeboat-contacts-as-of-\d{4}-\d{2}-\d{2}-\d{4}\.vcf$/);
    const parsed = ICAL.parse(file.text) as unknown[];
    expect(parsed).toHaveLength(100);

    const withDeleted = await buildExport(db, 'contacts', { includeDeletedUpstream: true }, new Date());
    expect(withDeleted.count).toBe(100);
  });
});

describe('the slow wipe drill against a real Radicale', () => {
  const SLOW = makeCards(200, 1001);
  let server: RadicaleServer;
  beforeAll(async () => {
    server = await startRadicale({ seed: [{ name: 'slow', kind: 'addressbook', displayName: 'Slowly emptied', items: SLOW }] });
  });
  afterAll(() => server?.stop());

  it('raises the alarm at the third sync of 18 deletions each, and keeps every card', async () => {
    const db = freshDb();
    const account = await addTestAccount(db);
    const setup = { db, account, readers, serverUrl: server.url, username: server.username, password: server.password, kinds: ['addressbook' as const] };
    await runMirror(setup);
    const original = new Map((await db.items.toArray()).map((item) => [item.href, item.raw]));
    expect(original.size).toBe(200);

    const auth = { username: server.username, password: server.password };
    const raised: string[][] = [];
    for (let sync = 1; sync <= 3; sync++) {
      for (const card of SLOW.slice((sync - 1) * 18, sync * 18)) await deleteItem(`${server.addressBookUrl}${card.name}`, auth);
      const { summary } = await runMirror(setup);
      expect(summary.deletedUpstream).toBe(18);
      raised.push(summary.alarms.map((alarm) => alarm.kind));
    }
    expect(raised).toEqual([[], [], ['slow-decline']]);
    const [alarm] = await openAlarms(db);
    expect(alarm).toMatchObject({ kind: 'slow-decline', liveBefore: 200, deleted: 54, collectionName: 'Slowly emptied' });

    // Every card is still held as served, and the copy from before the decline is whole.
    const items = await db.items.toArray();
    expect(items.filter((item) => item.live === 1)).toHaveLength(146);
    for (const item of items) expect(item.raw).toBe(original.get(item.href));
    const file = await buildExport(db, 'contacts', { asOf: alarm!.before }, new Date());
    expect(file.count).toBe(200);

    // Seen and dismissed: the next small step is measured from 146, not from 200.
    await acknowledgeAlarm(db, alarm!.id!);
    for (const card of SLOW.slice(54, 72)) await deleteItem(`${server.addressBookUrl}${card.name}`, auth);
    const { summary } = await runMirror(setup);
    expect(summary.alarms).toEqual([]);
    expect(await openAlarms(db)).toEqual([]);
  });
});
