// A Microsoft account's contacts through the real engine and the Graph contacts source, from
// the Graph test server: every folder, pages linked by @odata.nextLink, delta rounds with
// @removed entries, an expired delta link (410) turned into a full compare that loses
// nothing, and 429 answers waited out as Retry-After says.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { startGraphServer, type GraphTestServer } from '../harness/graph-server';
import { freshDb } from '../support/test-db';
import { insertAccount } from '../../src/db/accounts';
import { createGraphContactsSource } from '../../src/providers/microsoft/graph-contacts-source';
import { syncAccount } from '../../src/sync/sync-account';
import { readers } from '../../src/sync/readers';

const TOKEN = 'graph-test-token';
let graph: GraphTestServer;
const person = (n: number, extra: Record<string, unknown> = {}) => ({ id: `c-${n}`, displayName: `Person ${n}`, emailAddresses: [{ name: '', address: `p${n}@example.org` }], ...extra });

beforeAll(async () => {
  graph = await startGraphServer((token) => token === TOKEN, 3);
  for (let n = 1; n <= 7; n++) graph.put('', person(n));
  graph.addFolder('family', 'Family');
  for (let n = 20; n <= 24; n++) graph.put('family', person(n, { spouseName: `Spouse ${n}` }));
});
afterAll(() => graph?.stop());

describe('contacts from Microsoft Graph', () => {
  it('mirrors every folder, follows delta rounds, and turns an expired delta link into a full compare', async () => {
    const db = freshDb();
    const account = await insertAccount(db, { id: 'ms', kind: 'microsoft', label: 'Outlook', serverUrl: graph.graphUrl, calendarServerUrl: null, services: ['addressbook'], username: '' }, 1);
    const sleeps: number[] = [];
    const source = () => createGraphContactsSource({ graphUrl: graph.graphUrl, bearer: { accessToken: TOKEN, renew: () => Promise.resolve(TOKEN) } }, { retry: { sleep: (ms) => Promise.resolve(void sleeps.push(ms)) } });
    const run = () => syncAccount({ db, source: source(), readers, now: Date.now }, account);

    expect(await run()).toMatchObject({ outcome: 'ok', added: 12 });
    expect((await db.collections.toArray()).map((c) => c.displayName).sort()).toEqual(['Contacts', 'Family']);
    expect(graph.log.filter((l) => l.includes('skiptoken') || l.includes('/delta')).length).toBeGreaterThan(2);
    const family = await db.items.filter((i) => i.title === 'Person 20').first();
    // Kept in the original JSON beside the vCard fields (lines folded at 75 octets).
    expect(family?.raw.replace(/\r\n /g, '')).toContain('"spouseName":"Spouse 20"');

    graph.put('', person(1, { displayName: 'Person 1 renamed' }));
    graph.remove('family', 'c-21');
    graph.throttle(2);
    expect(await run()).toMatchObject({ outcome: 'ok', added: 0, changed: 1, deletedUpstream: 1 });
    expect(sleeps).toEqual([1000, 1000]);
    expect(graph.log.filter((l) => l.startsWith('429'))).toHaveLength(2);

    graph.expireDeltaLinks();
    graph.put('', person(8));
    const afterExpiry = await run();
    expect(graph.log.filter((l) => l.startsWith('410'))).toHaveLength(2);
    expect(afterExpiry).toMatchObject({ outcome: 'ok', added: 1, deletedUpstream: 0, alarms: [] });
    expect(await db.items.count()).toBe(13);
    expect(await db.items.filter((i) => i.live === 1).count()).toBe(12);
  });

  it('writes cards that Python’s vobject reads', async () => {
    const db = freshDb();
    const account = await insertAccount(db, { id: 'ms2', kind: 'microsoft', label: 'Outlook', serverUrl: graph.graphUrl, calendarServerUrl: null, services: ['addressbook'], username: '' }, 1);
    const source = createGraphContactsSource({ graphUrl: graph.graphUrl, bearer: { accessToken: TOKEN, renew: () => Promise.resolve(TOKEN) } });
    await syncAccount({ db, source, readers, now: Date.now }, account);
    const text = (await db.items.toArray()).map((i) => i.raw).join('');
    const script = 'import sys, vobject\ncards = list(vobject.readComponents(sys.stdin.read()))\nprint(len(cards), sum(1 for c in cards if c.fn.value))';
    const out = spawnSync('/usr/bin/python3', ['-c', script], { input: text, encoding: 'utf8' });
    expect(out.stderr).toBe('');
    expect(out.stdout.trim()).toBe('12 12');
  });
});
