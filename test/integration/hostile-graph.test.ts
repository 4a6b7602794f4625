// A hostile Microsoft Graph: a delta round whose @odata.nextLink leads to a foreign host (the
// bearer token must not go there) or back to the page itself (a listing that never ends). The
// other folder is mirrored all the same, and the run names the host.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAccount } from '../../src/db/accounts';
import { createGraphContactsSource } from '../../src/providers/microsoft/graph-contacts-source';
import { syncAccount } from '../../src/sync/sync-account';
import { readers } from '../../src/sync/readers';
import { freshDb } from '../support/test-db';
import { authorizedRequests, startHostileHost, type HostileHost } from '../harness/hostile-host';
import { DEFAULT_FOLDER, FRIENDS, startHostileGraph, type HostileGraphServer } from '../harness/hostile-graph-server';

const TOKEN = 'graph-test-token';
let graph: HostileGraphServer;
let foreign: HostileHost;

beforeAll(async () => {
  graph = await startHostileGraph(TOKEN);
  foreign = await startHostileHost({ address: '127.0.0.2' });
});
afterAll(async () => {
  await Promise.all([graph?.stop(), foreign?.stop()]);
});

async function run() {
  const db = freshDb();
  const account = await insertAccount(db, { id: 'ms', kind: 'microsoft', label: 'Outlook', serverUrl: graph.graphUrl, calendarServerUrl: null, services: ['addressbook'], username: '' }, 1);
  const source = createGraphContactsSource({ graphUrl: graph.graphUrl, bearer: { accessToken: TOKEN, renew: () => Promise.resolve(TOKEN) } });
  const summary = await syncAccount({ db, source, readers, now: Date.now }, account);
  const titles = async (name: string) => {
    const book = (await db.collections.toArray()).find((c) => c.displayName === name);
    return book ? (await db.items.where('collectionId').equals(book.id).toArray()).map((i) => i.title).sort() : [];
  };
  return { summary, titles };
}

describe('a hostile Microsoft Graph', () => {
  it('pages honestly: both folders mirrored (the baseline the hostile cases differ from)', async () => {
    graph.nextLink = 'honest';
    const { summary, titles } = await run();
    expect(summary).toMatchObject({ outcome: 'ok', added: DEFAULT_FOLDER.length + FRIENDS.length });
    expect(await titles('Contacts')).toEqual(['Person 1', 'Person 2', 'Person 3']);
  });

  it('sends the next page to a foreign host: the token never goes there, Friends is kept, the host is named', async () => {
    graph.nextLink = { foreign: foreign.url };
    foreign.requests.length = 0;
    const { summary, titles } = await run();
    expect(foreign.requests).toEqual([]);
    expect(authorizedRequests(foreign)).toEqual([]);
    expect(summary.errors.map((e) => e.message).join('\n')).toContain(`The service pointed to ${foreign.host}; Lifeboat did not send your sign-in there`);
    expect(await titles('Friends')).toEqual(['Person 10']);
    // The folder whose listing was refused keeps nothing half-listed.
    expect(await titles('Contacts')).toEqual([]);
  });

  it('links a page to itself: one request, then a clear error instead of a loop', async () => {
    graph.nextLink = 'self';
    const before = graph.requests.filter((r) => r.path.startsWith('/v1.0/me/contacts/delta')).length;
    const { summary, titles } = await run();
    expect(graph.requests.filter((r) => r.path.startsWith('/v1.0/me/contacts/delta')).length - before).toBe(1);
    expect(summary.errors.map((e) => e.message).join('\n')).toContain(
      `${graph.host} sent the same page or sync token again while saying there was more; Lifeboat stopped the listing instead of looping`,
    );
    expect(await titles('Friends')).toEqual(['Person 10']);
  });
});
