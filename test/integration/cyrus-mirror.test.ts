// The DAV client and the whole engine against Cyrus IMAP, the server Fastmail runs: discovery
// from the bare origin (its .well-known redirects), vCard 4.0 asked for by name so a data: URI
// PHOTO survives (Cyrus's default answer is 3.0, which cuts it to "data:image/png"), RFC 6578
// deltas, an unknown token, and the engine's first mirror, add/change/delete and no-change run.
// Cyrus re-folds what it stores, so "as served" here means as Cyrus serves 4.0, not as PUT.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDavSource } from '../../src/providers/dav/dav-source';
import { multiget } from '../../src/providers/dav/multiget';
import { createAccountContext } from '../../src/http/http-context';
import { davKind } from '../../src/providers/dav/dav-kind';
import { isFailure, type RemoteCollection, type RemoteItem } from '../../src/model/source';
import { readers } from '../../src/sync/readers/index';
import { startCyrus, type CyrusServer } from '../harness/cyrus';
import { deleteItem, putItem, putItems } from '../harness/dav-items';
import { itemPath, mirrorTexts } from '../harness/mirror-check';
import { runMirror, type MirrorSetup } from '../harness/mirror-run';
import { makeCard, makeCards } from '../harness/sample-items';
import { makeEvent, makeEvents } from '../harness/sample-events';
import { addTestAccount, freshDb } from '../support/test-db';

// A real 1×1 PNG (67 bytes), as Apple Contacts and DAVx5 write photos in vCard 4.0.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const PHOTO_CARD = [
  'BEGIN:VCARD', 'VERSION:4.0', 'UID:urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1', 'FN:Jane Doe',
  'N:Doe;Jane;;;', 'TEL;VALUE=uri;TYPE=work:tel:+1-555-555-5555;ext=5555', `PHOTO:data:image/png;base64,${PNG}`, 'END:VCARD', '',
].join('\r\n');
const CARDS = makeCards(20);
const EVENTS = makeEvents(3);

/** A content line's value with folds undone (RFC 6350 §3.2): Cyrus folds at its own width. */
const unfold = (text: string): string => text.replace(/\r\n[ \t]/g, '');

describe('Cyrus IMAP', () => {
  let server: CyrusServer;
  let setup: MirrorSetup;
  const auth = () => ({ username: server.username, password: server.password });
  const conn = () => ({ serverUrl: server.url, username: server.username, password: server.password });
  const cardUrl = (name: string) => new URL(name, server.addressBookUrl).href;

  beforeAll(async () => {
    server = await startCyrus();
    await putItem(cardUrl('jane.vcf'), PHOTO_CARD, auth());
    await Promise.all([putItems(server.addressBookUrl, CARDS, auth()), putItems(server.calendarUrl, EVENTS, auth())]);
    const db = freshDb();
    setup = { db, account: await addTestAccount(db), readers, serverUrl: server.url, username: server.username, password: server.password };
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('is found from the bare origin, with sync-collection and vCard 4.0 on offer', async () => {
    const [book, ...others] = await createDavSource(conn(), 'addressbook').listCollections();
    expect(others).toEqual([]);
    expect(book).toMatchObject({ href: server.addressBookUrl, supportsSyncCollection: true, vcardVersion: '4.0' });
    const calendars = await createDavSource(conn(), 'calendar').listCollections();
    expect(calendars.map((c) => c.href)).toEqual([server.calendarUrl]);
    expect(calendars[0]?.vcardVersion).toBeUndefined();
  });

  it('keeps a vCard 4.0 data: URI photo, which the default (3.0) answer cuts', async () => {
    const source = createDavSource(conn(), 'addressbook');
    const [book] = await source.listCollections();
    const [card] = await source.fetchItems(book!, [cardUrl('jane.vcf')]);
    if (card === undefined || isFailure(card)) throw new Error(`not fetched: ${JSON.stringify(card)}`);
    expect(unfold(card.data)).toContain(`\r\nPHOTO:data:image/png;base64,${PNG}\r\n`);
    expect(card.data).toContain('\r\nVERSION:4.0\r\n');
    // The control: asked without a version, Cyrus answers 3.0 and the photo is lost. If Cyrus
    // ever stops doing that, this test says so rather than passing for the wrong reason.
    const ctx = createAccountContext(conn());
    const [plain] = await multiget(ctx, davKind('addressbook'), book!.href, [cardUrl('jane.vcf')]);
    expect(plain && !isFailure(plain) ? plain.data : '').toContain('\r\nVERSION:3.0\r\n');
    expect(unfold(plain && !isFailure(plain) ? plain.data : '')).not.toContain(PNG);
  });

  it('answers sync-collection with an add, a change and a delete, and lists all for an unknown token', async () => {
    const source = createDavSource(conn(), 'addressbook');
    let [book] = await source.listCollections();
    const first = await source.listChanges(book!, {});
    if (first.mode !== 'full') throw new Error(first.mode);
    expect(first.items).toHaveLength(CARDS.length + 1);
    await putItem(cardUrl('card-0021.vcf'), makeCard(21).data, auth());
    await putItem(cardUrl(CARDS[2]!.name), makeCard(3, 1).data, auth());
    await deleteItem(cardUrl(CARDS[4]!.name), auth());
    [book] = await source.listCollections();
    const delta = await source.listChanges(book!, first.cursor);
    if (delta.mode !== 'delta') throw new Error(delta.mode);
    expect(delta.changed.map((c) => itemPath(c.href)).sort()).toEqual([itemPath(cardUrl(CARDS[2]!.name)), itemPath(cardUrl('card-0021.vcf'))].sort());
    expect(delta.removed.map(itemPath)).toEqual([itemPath(cardUrl(CARDS[4]!.name))]);
    const fetched = (await source.fetchItems(book!, delta.changed.map((c) => c.href))) as RemoteItem[];
    expect(fetched.filter(isFailure)).toEqual([]);
    expect(fetched.map((f) => unfold(f.data)).join('')).toContain('Revision 1.');
    const unknown = await source.listChanges(book!, { syncToken: 'data:,1-1' });
    expect(unknown.mode).toBe('full');
    if (unknown.mode === 'full') expect(unknown.items).toHaveLength(CARDS.length + 1);
  });

  describe('through the engine', () => {
    const bookPath = () => itemPath(server.addressBookUrl);
    let book: RemoteCollection;

    it('mirrors every card (in 4.0, photo kept) and every event', async () => {
      const { summary } = await runMirror(setup);
      expect(summary).toMatchObject({ outcome: 'ok', added: CARDS.length + 1 + EVENTS.length, errors: [] });
      const mirror = await mirrorTexts(setup.db, setup.account.id, bookPath());
      expect(mirror.live.size).toBe(CARDS.length + 1);
      expect(unfold(mirror.live.get(itemPath(cardUrl('jane.vcf'))) ?? '')).toContain(PNG);
      const [record] = await setup.db.collections.where('accountId').equals(setup.account.id).filter((c) => c.kind === 'addressbook').toArray();
      expect(record?.vcardVersion).toBe('4.0');
      [book] = await createDavSource(conn(), 'addressbook').listCollections() as [RemoteCollection];
      expect(book.syncToken).toBe(record?.syncToken);
    });

    it('takes in an upstream add, change and delete, keeping the deleted card and the old text', async () => {
      const before = await mirrorTexts(setup.db, setup.account.id, bookPath());
      await putItem(cardUrl('card-0030.vcf'), makeCard(30).data, auth());
      await putItem(cardUrl(CARDS[6]!.name), makeCard(7, 2).data, auth());
      await deleteItem(cardUrl(CARDS[8]!.name), auth());
      await putItem(new URL(makeEvent(2).name, server.calendarUrl).href, makeEvent(2).data.replace('Réunion', 'Moved'), auth());
      const { summary, requests } = await runMirror(setup);
      expect(summary).toMatchObject({ outcome: 'ok', added: 1, changed: 2, deletedUpstream: 1, errors: [] });
      // The changed texts came with the listings (RFC 6578 §3.2): no multiget after them.
      expect(requests.filter((r) => r.method === 'REPORT').map((r) => r.report)).toEqual(['sync-collection', 'sync-collection']);
      const after = await mirrorTexts(setup.db, setup.account.id, bookPath());
      // Stored exactly as a multiget serves them (vCard 4.0 asked in the listing too).
      const source = createDavSource(conn(), 'addressbook');
      const [book] = await source.listCollections();
      for (const name of ['card-0030.vcf', CARDS[6]!.name]) {
        const [served] = await source.fetchItems(book!, [cardUrl(name)]);
        expect(served && !isFailure(served) ? served.data : served).toBe(after.live.get(itemPath(cardUrl(name))));
      }
      expect(after.deleted.get(itemPath(cardUrl(CARDS[8]!.name)))).toBe(before.live.get(itemPath(cardUrl(CARDS[8]!.name))));
      const changed = (await setup.db.items.toArray()).find((i) => itemPath(i.href) === itemPath(cardUrl(CARDS[6]!.name)));
      const versions = await setup.db.versions.where('itemId').equals(changed!.id).toArray();
      expect(versions.map((v) => v.raw)).toEqual([before.live.get(itemPath(cardUrl(CARDS[6]!.name)))]);
    });

    it('compares everything, clearing nothing, when Cyrus no longer knows the sync token', async () => {
      for (const collection of await setup.db.collections.toArray()) {
        await setup.db.collections.update(collection.id, { syncToken: 'data:,1-1', ctag: null });
      }
      await putItem(cardUrl(CARDS[9]!.name), makeCard(10, 3).data, auth());
      const { summary } = await runMirror(setup);
      expect(summary).toMatchObject({ outcome: 'ok', added: 0, changed: 1, deletedUpstream: 0, errors: [] });
      expect((await mirrorTexts(setup.db, setup.account.id)).deleted.size).toBe(1);
    });

    it('asks nothing per collection when nothing changed', async () => {
      const { summary, requests } = await runMirror(setup);
      expect(summary).toMatchObject({ outcome: 'ok', added: 0, changed: 0, deletedUpstream: 0, errors: [] });
      expect(requests.filter((r) => r.method === 'REPORT')).toEqual([]);
    });
  });
});
