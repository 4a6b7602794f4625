// Contact folders inside contact folders: every folder of a Microsoft account, however deep,
// is its own address book, found through childFolders (paged with @odata.nextLink) and
// mirrored with its own delta rounds; a folder deep down keeps its changes and removals apart
// from its parent's, and an expired delta link there is a full compare that loses nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGraphServer, type GraphTestServer } from '../harness/graph-server';
import { freshDb } from '../support/test-db';
import { insertAccount } from '../../src/db/accounts';
import { createGraphContactsSource } from '../../src/providers/microsoft/graph-contacts-source';
import { syncAccount } from '../../src/sync/sync-account';
import { readers } from '../../src/sync/readers';

const TOKEN = 'graph-test-token';
let graph: GraphTestServer;
const person = (n: number) => ({ id: `c-${n}`, displayName: `Person ${n}`, emailAddresses: [{ name: '', address: `p${n}@example.org` }] });

// Contacts / Family / Cousins / Second cousins, four folders at the top (more than a page of
// three) and four under Family.
const FOLDERS: Array<[id: string, name: string, parent: string | undefined, contacts: number[]]> = [
  ['family', 'Family', undefined, [10, 11]],
  ['work', 'Work', undefined, [20]],
  ['club', 'Club', undefined, []],
  ['school', 'School', undefined, [30]],
  ['cousins', 'Cousins', 'family', [40, 41, 42]],
  ['in-laws', 'In-laws', 'family', [50]],
  ['neighbours', 'Neighbours', 'family', []],
  ['godchildren', 'Godchildren', 'family', [60]],
  ['second', 'Second cousins', 'cousins', [70, 71]],
  ['team', 'Team', 'work', [80]],
];

beforeAll(async () => {
  graph = await startGraphServer((token) => token === TOKEN, 3);
  graph.put('', person(1));
  for (const [id, name, parent, contacts] of FOLDERS) {
    graph.addFolder(id, name, parent);
    for (const n of contacts) graph.put(id, person(n));
  }
});
afterAll(() => graph?.stop());

describe('nested Microsoft contact folders', () => {
  it('mirrors every folder at every depth as its own address book, each by its own delta rounds', async () => {
    const db = freshDb();
    const account = await insertAccount(db, { id: 'ms', kind: 'microsoft', label: 'Outlook', serverUrl: graph.graphUrl, calendarServerUrl: null, services: ['addressbook'], username: '' }, 1);
    const source = () => createGraphContactsSource({ graphUrl: graph.graphUrl, bearer: { accessToken: TOKEN, renew: () => Promise.resolve(TOKEN) } });
    const run = () => syncAccount({ db, source: source(), readers, now: Date.now }, account);

    expect(await run()).toMatchObject({ outcome: 'ok', added: 13 });
    const books = await db.collections.toArray();
    expect(books.map((c) => c.displayName).sort()).toEqual(
      ['Contacts', 'Family', 'Family / Cousins', 'Family / Cousins / Second cousins', 'Family / Godchildren', 'Family / In-laws', 'Family / Neighbours', 'Club', 'School', 'Work', 'Work / Team'].sort(),
    );
    // Both folder lists were longer than a page: their second pages were followed.
    expect(graph.log).toContain('200 /v1.0/me/contactFolders');
    expect(graph.log.filter((l) => l === '200 /v1.0/me/contactFolders')).toHaveLength(2);
    expect(graph.log.filter((l) => l === '200 /v1.0/me/contactFolders/family/childFolders')).toHaveLength(2);
    const inBook = async (name: string) => {
      const book = books.find((c) => c.displayName === name)!;
      return (await db.items.where('collectionId').equals(book.id).toArray()).map((i) => i.title).sort();
    };
    expect(await inBook('Family / Cousins / Second cousins')).toEqual(['Person 70', 'Person 71']);
    expect(await inBook('Family / Cousins')).toEqual(['Person 40', 'Person 41', 'Person 42']);
    expect(books.find((c) => c.displayName === 'Family / Cousins / Second cousins')?.syncToken).toMatch(/contactFolders\/second\/contacts\/delta\?\$deltatoken=/);

    // A change deep down: only that folder's round brings it.
    graph.put('second', { ...person(70), displayName: 'Person 70 renamed' });
    graph.remove('second', 'c-71');
    graph.put('team', person(81));
    expect(await run()).toMatchObject({ outcome: 'ok', added: 1, changed: 1, deletedUpstream: 1 });
    expect(await inBook('Family / Cousins / Second cousins')).toEqual(['Person 70 renamed', 'Person 71']);
    expect(await db.items.filter((i) => i.title === 'Person 71').first()).toMatchObject({ live: 0 });

    // Expired delta links everywhere: full compares, nothing lost, no alarm.
    graph.expireDeltaLinks();
    expect(await run()).toMatchObject({ outcome: 'ok', added: 0, changed: 0, deletedUpstream: 0, alarms: [] });
    expect(graph.log.filter((l) => l.startsWith('410'))).toHaveLength(books.length);
    expect(await db.items.filter((i) => i.live === 1).count()).toBe(13);
  });
});
