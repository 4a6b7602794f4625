// Restore into a server after a wipe: the address book and calendar as they were before the
// wipe are pushed from the mirror into another account's empty collections on a real Radicale,
// that account is mirrored, and every item compares equal; running the restore again creates
// nothing, and a dry run writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { deleteItem, makeCards, makeEvents, startRadicale, type RadicaleServer } from '../harness';
import { mirrorSource, runMirror, type MirrorSetup } from '../harness/mirror-run';
import { addTestAccount, freshDb } from '../support/test-db';
import { fixture } from '../support/mirror-world';
import { readers } from '../../src/sync/readers';
import { itemsAsOf } from '../../src/db/point-in-time';
import { createAccountContext } from '../../src/http/http-context';
import { putNewItem } from '../../src/providers/dav/put-new-item';
import { pushToCollection } from '../../src/restore/push-to-collection';
import type { PushParams } from '../../src/model/push';
import type { LifeboatDb } from '../../src/db/schema';
import { itemsOfAccount } from '../../src/db/account-items';

const CARDS = makeCards(60);
const EVENTS = [...makeEvents(30), { name: 'dst-overlap.ics', data: fixture('calendar/dst-overlap.ics') }, { name: 'journal.ics', data: fixture('calendar/journal.ics') }];
let wiped: RadicaleServer;
let fresh: RadicaleServer;

beforeAll(async () => {
  [wiped, fresh] = await Promise.all([
    startRadicale({
      seed: [
        { name: 'contacts', kind: 'addressbook', displayName: 'Contacts', items: CARDS },
        { name: 'calendar', kind: 'calendar', displayName: 'Calendar', items: EVENTS },
      ],
    }),
    startRadicale(),
  ]);
});
afterAll(async () => {
  await wiped?.stop();
  await fresh?.stop();
});

function setupFor(db: LifeboatDb, server: RadicaleServer, account: MirrorSetup['account']): MirrorSetup {
  return { db, account, readers, serverUrl: server.url, username: server.username, password: server.password };
}

/** Items compared as their parsed content: a server may refold lines or reorder nothing else. */
function content(raw: string): unknown {
  const jcal = ICAL.parse(raw) as unknown[];
  return JSON.stringify(jcal).replace(/\["prodid",\{\},"text","[^"]*"\],?/g, '');
}

describe('restore into another server', () => {
  it('pushes the state from before a wipe, once, and the new server then holds every item', async () => {
    const db = freshDb();
    const old = setupFor(db, wiped, await addTestAccount(db, 'old'));
    const target = setupFor(db, fresh, await addTestAccount(db, 'new'));
    await runMirror(old);
    await runMirror(target);
    const beforeWipe = Date.now();
    const auth = { username: wiped.username, password: wiped.password };
    for (const card of CARDS.slice(0, 50)) await deleteItem(`${wiped.addressBookUrl}${card.name}`, auth);
    await runMirror(old);

    const collections = await db.collections.toArray();
    const from = (accountId: string, kind: string) => collections.find((c) => c.accountId === accountId && c.kind === kind)!;
    const ctx = createAccountContext({ serverUrl: fresh.url, username: fresh.username, password: fresh.password });
    const pushTarget = { source: mirrorSource(target, fetch).source, put: (url: string, body: string, type: string) => putNewItem(ctx, url, body, type) };
    const push = (kind: 'addressbook' | 'calendar', dryRun: boolean) => {
      const params: PushParams = { sourceCollectionId: from('old', kind).id, asOf: beforeWipe, targetCollectionHref: from('new', kind).href, dryRun };
      return pushToCollection(db, params, pushTarget, readers);
    };

    const dry = await push('addressbook', true);
    expect(dry).toMatchObject({ dryRun: true, created: 60, alreadyThere: 0, failed: [] });
    expect(dry.titles).toHaveLength(60);
    expect((await runMirror(target)).summary.added).toBe(0);

    expect(await push('addressbook', false)).toMatchObject({ created: 60, alreadyThere: 0, failed: [] });
    expect(await push('calendar', false)).toMatchObject({ created: EVENTS.length, alreadyThere: 0, failed: [] });
    expect(await push('addressbook', false)).toMatchObject({ created: 0, alreadyThere: 60 });
    expect(await push('calendar', true)).toMatchObject({ created: 0, alreadyThere: EVENTS.length });

    await runMirror(target);
    const restored = new Map((await itemsOfAccount(db, 'new')).map((item) => [item.uid, item.raw]));
    const original = await itemsAsOf(db, { accountId: 'old', kinds: ['contact', 'event', 'journal', 'task'] }, beforeWipe);
    expect(restored.size).toBe(original.length);
    for (const { item, raw } of original) expect(content(restored.get(item.uid)!)).toEqual(content(raw));
  });
});
