// The whole engine (syncAccount → DAV source → real server → IndexedDB) against Radicale and
// Xandikos: the first mirror, upstream add/change/delete, the ETag-listing path of a server
// that refuses sync-collection (through the fault proxy), a sync token the server no longer
// knows, and what a sync with nothing new costs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readers } from '../../src/sync/readers/index';
import { addTestAccount, freshDb } from '../support/test-db';
import { expectConverged as expectMirrorOf } from '../support/expect-converged';
import type { DavTestServer } from '../harness/dav-test-server';
import { deleteItem, putItem } from '../harness/dav-items';
import { startFaultProxy, type FaultProxy } from '../harness/fault-proxy';
import { itemPath, mirrorTexts } from '../harness/mirror-check';
import { countingFetch, mirrorSource, runMirror, type MirrorSetup } from '../harness/mirror-run';
import { makeCard, makeCards } from '../harness/sample-items';
import { makeEvent, makeEvents } from '../harness/sample-events';
import { seededDavServers } from '../harness/seeded-dav-servers';

const CARDS = makeCards(40);
const EVENTS = makeEvents(4);

const servers = seededDavServers(CARDS, EVENTS);

describe.each(servers)('the mirror of a %s account', (name, start) => {
  let server: DavTestServer;
  let proxy: FaultProxy;
  /** Syncs straight with the server (sync-collection deltas). */
  let direct: MirrorSetup;
  /** Syncs through a proxy that refuses sync-collection (ETag listings only). */
  let listing: MirrorSetup;
  const auth = () => ({ username: server.username, password: server.password });
  const cardUrl = (n: number) => new URL(makeCard(n).name, server.addressBookUrl).href;
  const collectionPaths = () => [itemPath(server.addressBookUrl), itemPath(server.calendarUrl)];

  const expectConverged = (setup: MirrorSetup): Promise<void> => expectMirrorOf(setup, [server.addressBookUrl, server.calendarUrl], auth());

  beforeAll(async () => {
    server = await start();
    proxy = await startFaultProxy(server.url);
    proxy.refuseSyncCollection = true;
    const base = { readers, username: server.username, password: server.password };
    const [db1, db2] = [freshDb(), freshDb()];
    direct = { ...base, db: db1, account: await addTestAccount(db1), serverUrl: server.url };
    listing = { ...base, db: db2, account: await addTestAccount(db2), serverUrl: proxy.url };
  });
  afterAll(async () => {
    await proxy?.stop();
    await server?.stop();
  });

  it('mirrors every card and event exactly as the server serves them', async () => {
    for (const setup of [direct, listing]) {
      const { summary } = await runMirror(setup);
      expect(summary).toMatchObject({ outcome: 'ok', added: 44, errors: [] });
      await expectConverged(setup);
    }
  });

  it('takes in an upstream add, change and delete, keeping the deleted card and the old text', async () => {
    await putItem(cardUrl(41), makeCard(41).data, auth());
    await putItem(cardUrl(3), makeCard(3, 1).data, auth());
    await deleteItem(cardUrl(5), auth());
    await putItem(new URL(makeEvent(2).name, server.calendarUrl).href, makeEvent(2).data.replace('Réunion', 'Moved'), auth());
    const oldCard3 = (await mirrorTexts(direct.db, direct.account.id)).live.get(itemPath(cardUrl(3)));
    const logBefore = proxy.log.length;

    for (const setup of [direct, listing]) {
      const { summary, requests } = await runMirror(setup);
      expect(summary).toMatchObject({ outcome: 'ok', added: 1, changed: 2, deletedUpstream: 1, errors: [] });
      await expectConverged(setup);
      const mirror = await mirrorTexts(setup.db, setup.account.id);
      expect(mirror.deleted.get(itemPath(cardUrl(5)))).toBe(makeCard(5).data);
      const gone = (await setup.db.items.toArray()).find((i) => itemPath(i.href) === itemPath(cardUrl(5)));
      expect(gone).toMatchObject({ live: 0, deletedUpstreamAt: expect.any(Number) as unknown });
      const changed = (await setup.db.items.toArray()).find((i) => itemPath(i.href) === itemPath(cardUrl(3)));
      const versions = await setup.db.versions.where('itemId').equals(changed!.id).toArray();
      expect(versions.map((v) => v.raw)).toEqual([oldCard3]);
      // Both asked for a delta, one per collection; the proxy refused it to the second, which
      // then listed each collection's ETags.
      expect(requests.filter((r) => r.report === 'sync-collection')).toHaveLength(2);
      const listed = requests.filter((r) => r.method === 'PROPFIND' && collectionPaths().includes(itemPath(r.url)));
      expect(listed).toHaveLength(setup === listing ? 2 : 0);
    }
    expect(proxy.log.slice(logBefore).filter((e) => e.fault === 'refused-sync-collection')).toHaveLength(2);
  });

  it('compares everything, clearing nothing, when the server no longer knows the sync token', async () => {
    for (const collection of await direct.db.collections.toArray()) {
      await direct.db.collections.update(collection.id, { syncToken: 'http://radicale.org/ns/sync/garbage', ctag: null });
    }
    await putItem(cardUrl(7), makeCard(7, 2).data, auth());
    const { summary, requests } = await runMirror(direct);
    expect(summary).toMatchObject({ outcome: 'ok', added: 0, changed: 1, deletedUpstream: 0, errors: [] });
    await expectConverged(direct);
    expect((await mirrorTexts(direct.db, direct.account.id)).deleted.size).toBe(1); // card 5 only
    // The token was refused (403 valid-sync-token, or 500 from Xandikos, asked again without
    // the changed texts since a 500 may be about them), then each collection listed whole by
    // the initial sync-collection (RFC 6578 §3.8), not by PROPFIND.
    const reports = requests.filter((r) => r.report === 'sync-collection');
    const asked = name === 'Xandikos' ? 3 : 2;
    expect(reports.map((r) => itemPath(r.url)).sort()).toEqual(Array.from({ length: asked }, collectionPaths).flat().sort());
    expect(requests.filter((r) => r.method === 'PROPFIND' && collectionPaths().includes(itemPath(r.url)))).toEqual([]);
  });

  it('costs one request per home when nothing changed, once the homes are known', async () => {
    const counter = countingFetch();
    const first = mirrorSource(direct, counter.fetch);
    const fresh = await runMirror(direct, first.source, counter);
    expect(fresh.summary).toMatchObject({ outcome: 'ok', added: 0, changed: 0, deletedUpstream: 0, errors: [] });
    const freshCount = fresh.requests.length;

    // The next run's source gets the homes the first one found (as the extension could keep them).
    const known = { addressbook: first.dav.addressbook?.discovery, calendar: first.dav.calendar?.discovery };
    const counter2 = countingFetch();
    const again = await runMirror(direct, mirrorSource(direct, counter2.fetch, { ...known }).source, counter2);
    expect(again.summary).toMatchObject({ outcome: 'ok', added: 0, changed: 0, deletedUpstream: 0, errors: [] });
    // One PROPFIND Depth 1 per home (it carries every collection's token and ctag), one home per
    // kind here: nothing per collection, no REPORT, no discovery.
    expect(again.requests.map((r) => `${r.method} ${r.depth}`)).toEqual(['PROPFIND 1', 'PROPFIND 1']);
    // Without the homes, discovery comes first: principal and home set for each kind.
    expect(freshCount).toBe(6);
    console.info(`[${server.name}] no-change sync of 2 collections: ${again.requests.length} requests with known homes, ${freshCount} with discovery`);
  });
});
