// The DAV client against real servers (Radicale and Xandikos, started by the harness): discovery
// from the bare URL, full listing and multiget, sync-collection deltas, token fallback.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDavSource } from '../../src/providers/dav/dav-source';
import { isFailure, type RemoteCollection, type RemoteItem, type Source, type SyncCursor } from '../../src/model/source';
import type { DavTestServer } from '../harness/dav-test-server';
import { deleteItem, getItem, putItem, putItems } from '../harness/dav-items';
import { startRadicale } from '../harness/radicale';
import { makeCard, makeCards } from '../harness/sample-items';
import { makeEvents } from '../harness/sample-events';
import { startXandikos } from '../harness/xandikos';

const CARDS = makeCards(50);

// Whether the server hands over address-data in a sync-collection (RFC 6578 §3.2 lets a client
// ask any property): Radicale does; Xandikos answers it 404 in its own propstat, and the changed
// texts are then fetched by multiget, as before.
const servers: Array<[string, () => Promise<DavTestServer>, { carriesTexts: boolean }]> = [
  // Radicale is seeded on disk before start; Xandikos (a git store) over HTTP.
  ['Radicale', () => startRadicale({ seed: [
    { name: 'contacts', kind: 'addressbook', displayName: 'Contacts', items: CARDS },
    { name: 'calendar', kind: 'calendar', displayName: 'Calendar', items: makeEvents(3) },
  ] }), { carriesTexts: true }],
  ['Xandikos', async () => {
    const server = await startXandikos();
    await putItems(server.addressBookUrl, CARDS);
    await putItems(server.calendarUrl, makeEvents(3));
    return server;
  }, { carriesTexts: false }],
];

describe.each(servers)('DAV client against %s', (_name, start, { carriesTexts }) => {
  let server: DavTestServer;
  let contacts: Source;
  let book: RemoteCollection;
  let cursor: SyncCursor;
  const auth = (): { username: string; password: string } => ({ username: server.username, password: server.password });
  const cardUrl = (name: string): string => new URL(name, server.addressBookUrl).href;

  beforeAll(async () => {
    server = await start();
    contacts = createDavSource({ serverUrl: server.url, username: server.username, password: server.password }, 'addressbook');
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('discovers the address book from the bare server URL', async () => {
    const books = await contacts.listCollections();
    expect(books.map((b) => b.href)).toEqual([server.addressBookUrl]);
    book = books[0]!;
    expect(book.kind).toBe('addressbook');
    expect(book.supportsSyncCollection).toBe(true);
    expect(book.syncToken).toBeTruthy();
  });

  it('lists every card and fetches them byte-identical to what was written', async () => {
    const listing = await contacts.listChanges(book, {});
    expect(listing.mode).toBe('full');
    if (listing.mode !== 'full') return;
    expect(listing.items.map((i) => i.href).sort()).toEqual(CARDS.map((c) => cardUrl(c.name)).sort());
    cursor = listing.cursor;
    const items = await contacts.fetchItems(book, listing.items.map((i) => i.href));
    expect(items.filter(isFailure)).toEqual([]);
    for (const item of items as RemoteItem[]) {
      const written = CARDS.find((c) => cardUrl(c.name) === item.href);
      expect(item.data).toBe(written?.data);
      expect(item.etag).toBe(listing.items.find((i) => i.href === item.href)?.etag);
    }
    expect((items[0] as RemoteItem).data).toMatch(/\r\n [^\r\n]+\r\n/); // folded lines kept
  });

  it('answers unchanged while the sync token is the same', async () => {
    expect(await contacts.listChanges(book, cursor)).toEqual({ mode: 'unchanged' });
  });

  it('reports an upstream add, change and delete as a sync-collection delta', async () => {
    await putItem(cardUrl('card-0051.vcf'), makeCard(51).data, auth());
    await putItem(cardUrl('card-0003.vcf'), makeCard(3, 1).data, auth());
    await deleteItem(cardUrl('card-0005.vcf'), auth());
    book = (await contacts.listCollections())[0]!;
    const delta = await contacts.listChanges(book, cursor);
    expect(delta.mode).toBe('delta');
    if (delta.mode !== 'delta') return;
    expect(delta.changed.map((c) => c.href).sort()).toEqual([cardUrl('card-0003.vcf'), cardUrl('card-0051.vcf')]);
    expect(delta.removed).toEqual([cardUrl('card-0005.vcf')]);
    expect(delta.cursor.syncToken).not.toBe(cursor.syncToken);
    const fetched = await contacts.fetchItems(book, delta.changed.map((c) => c.href));
    expect(fetched.map((f) => (isFailure(f) ? f.error : f.data)).sort()).toEqual([makeCard(3, 1).data, makeCard(51).data]);
    // Where the server carries them, the listing brought the same texts, byte for byte.
    const etags = new Map(delta.changed.map((c) => [c.href, c.etag]));
    const carried = (delta.carried ?? []).map((item) => [item.data, item.etag === etags.get(item.href)]).sort();
    expect(carried).toEqual(carriesTexts ? [[makeCard(3, 1).data, true], [makeCard(51).data, true]] : []);
    cursor = delta.cursor;
  });

  it('falls back to a full listing when the server rejects the sync token', async () => {
    const bogus = server.name === 'radicale' ? 'http://radicale.org/ns/sync/0000' : 'f'.repeat(40);
    const listing = await contacts.listChanges(book, { syncToken: bogus });
    expect(listing.mode).toBe('full');
    if (listing.mode !== 'full') return;
    expect(listing.items).toHaveLength(50);
    expect(listing.items.map((i) => i.href)).not.toContain(cardUrl('card-0005.vcf'));
    expect(listing.cursor.syncToken).toBe(book.syncToken);
  });

  it('gives the same href for an item from listing, sync-collection and multiget', async () => {
    const escaped = 'j%C3%B6rg%40example.org.vcf';
    await putItem(cardUrl(escaped), makeCard(60).data, auth());
    book = (await contacts.listCollections())[0]!;
    const delta = await contacts.listChanges(book, cursor);
    const full = await contacts.listChanges(book, {});
    if (delta.mode !== 'delta' || full.mode !== 'full') throw new Error(`unexpected ${delta.mode}/${full.mode}`);
    const fromDelta = delta.changed.map((c) => c.href);
    expect(fromDelta).toHaveLength(1);
    expect(full.items.map((i) => i.href)).toContain(fromDelta[0]);
    const [item] = await contacts.fetchItems(book, fromDelta);
    expect(item && !isFailure(item) ? item.data : item).toBe(makeCard(60).data);
  });

  it('lists calendars and fetches events as the server serves them', async () => {
    const calendars = createDavSource({ serverUrl: server.url, username: server.username, password: server.password }, 'calendar');
    const found = await calendars.listCollections();
    expect(found.map((c) => c.href)).toEqual([server.calendarUrl]);
    const listing = await calendars.listChanges(found[0]!, {});
    if (listing.mode !== 'full') throw new Error(listing.mode);
    expect(listing.items).toHaveLength(3);
    const events = await calendars.fetchItems(found[0]!, listing.items.map((i) => i.href));
    for (const event of events) {
      if (isFailure(event)) throw new Error(event.error);
      expect(event.data).toBe(await getItem(event.href, auth()));
      expect(event.data).toContain('BEGIN:VEVENT\r\n');
    }
  });
});
