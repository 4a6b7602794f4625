// The request pattern of a first mirror, counted at a loopback proxy in front of real Radicale
// and Xandikos: the add-account check's discovery is not repeated, each collection is listed by
// one sync-collection with the empty token (RFC 6578 §3.8) and never by PROPFIND, multiget
// batches grow from a modest first one to what the bytes per item allow, no more than 4
// requests are ever in flight at once, and a run stopped mid-way leaves checkpoints that the
// next run completes without refetching what it stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readers } from '../../src/sync/readers/index';
import { discoverServices } from '../../src/background/discover-services';
import { DEFAULT_REQUESTS_PER_HOST } from '../../src/http/host-limiter';
import { addTestAccount, freshDb } from '../support/test-db';
import { expectConverged as expectMirrorOf } from '../support/expect-converged';
import type { DavTestServer } from '../harness/dav-test-server';
import { startFaultProxy, type FaultProxy } from '../harness/fault-proxy';
import { itemPath } from '../harness/mirror-check';
import { countingFetch, mirrorSource, runMirror, type CountingFetch, type MirrorSetup } from '../harness/mirror-run';
import { makeCards } from '../harness/sample-items';
import { makeEvents } from '../harness/sample-events';
import { seededDavServers } from '../harness/seeded-dav-servers';
import { instantRetry } from '../harness/fake-fetch';

const CARDS = makeCards(240);
const EVENTS = makeEvents(30);

const servers = seededDavServers(CARDS, EVENTS);

/** Hrefs in each multiget body sent to `collectionUrl`, in the order the requests left. */
function multigetSizes(): { fetch: typeof fetch; sizes: Map<string, number[]> } {
  const sizes = new Map<string, number[]>();
  const wrapped: typeof fetch = (input, init) => {
    const body = typeof init?.body === 'string' ? init.body : '';
    if (/-multiget\b/.test(body)) {
      const path = itemPath(input instanceof Request ? input.url : input.toString());
      sizes.set(path, [...(sizes.get(path) ?? []), body.split('<D:href>').length - 1]);
    }
    return fetch(input, init);
  };
  return { fetch: wrapped, sizes };
}

describe.each(servers)('the first mirror of a %s account', (_name, start) => {
  let server: DavTestServer;
  let proxy: FaultProxy;
  const auth = () => ({ username: server.username, password: server.password });
  const collectionPaths = () => [itemPath(server.addressBookUrl), itemPath(server.calendarUrl)];

  async function freshSetup(): Promise<MirrorSetup> {
    const db = freshDb();
    return { readers, db, account: await addTestAccount(db), serverUrl: proxy.url, username: server.username, password: server.password, options: { retry: instantRetry().retry } };
  }

  const expectConverged = (setup: MirrorSetup): Promise<void> => expectMirrorOf(setup, [server.addressBookUrl, server.calendarUrl], auth());

  beforeAll(async () => {
    server = await start();
    proxy = await startFaultProxy(server.url);
  });
  afterAll(async () => {
    await proxy?.stop();
    await server?.stop();
  });

  it('starts from the homes the add-account check found and lists each collection with one sync-collection', async () => {
    const found = await discoverServices({ label: '', serverUrl: proxy.url, username: server.username, password: server.password });
    expect(Object.keys(found.discovery).sort()).toEqual(['addressbook', 'calendar']);
    const setup = await freshSetup();
    const from = proxy.log.length;
    const counted = multigetSizes();
    const { summary } = await runMirror(setup, mirrorSource(setup, counted.fetch, found.discovery).source);
    expect(summary).toMatchObject({ outcome: 'ok', added: CARDS.length + EVENTS.length, errors: [] });
    await expectConverged(setup);

    const log = proxy.log.slice(from);
    // One PROPFIND per home for the collections' tokens; no discovery, no PROPFIND listing.
    const propfinds = log.filter((e) => e.method === 'PROPFIND');
    expect(propfinds).toHaveLength(2);
    expect(propfinds.filter((e) => collectionPaths().includes(itemPath(e.path)))).toEqual([]);
    const reports = log.filter((e) => e.method === 'REPORT').map((e) => itemPath(e.path));
    const multigets = [...counted.sizes.values()].reduce((n, list) => n + list.length, 0);
    expect(reports.length - multigets).toBe(2); // the two sync-collection listings
    // Batches by bytes: two modest ones asked before any answer, then the rest of the address
    // book in one (small cards: the byte target allows far more than are left).
    expect(counted.sizes.get(itemPath(server.addressBookUrl))).toEqual([50, 50, CARDS.length - 100]);
  });

  it('keeps at most 4 requests in flight, with batches and collections side by side', async () => {
    const setup = await freshSetup();
    // Slow multigets make the overlap visible; the count is taken at the proxy.
    proxy.add({ method: 'REPORT', body: '-multiget', fault: { kind: 'delay', ms: 150 } });
    proxy.inFlight.most = 0;
    try {
      // Two collections four batches deep ask for 8 requests at once: the host limit holds them to 4.
      const { summary } = await runMirror({ ...setup, batchSize: 20, fetchDepth: 4 });
      expect(summary).toMatchObject({ outcome: 'ok', added: CARDS.length + EVENTS.length });
    } finally {
      proxy.clear();
    }
    // At least two at once (the pipeline works), never more than the host limit.
    expect(proxy.inFlight.most).toBeGreaterThanOrEqual(2);
    expect(proxy.inFlight.most).toBeLessThanOrEqual(DEFAULT_REQUESTS_PER_HOST);
  });

  it('holds the answers of all its collections within one budget: with room for one, one multiget at a time, and every item mirrored', async () => {
    const setup = await freshSetup();
    proxy.add({ method: 'REPORT', body: '-multiget', fault: { kind: 'delay', ms: 50 } });
    // Multigets in flight, counted apart from the listings that run beside them.
    const multigets = { now: 0, most: 0 };
    const counter = countingFetch();
    const counted: CountingFetch = {
      requests: counter.requests,
      fetch: async (input, init) => {
        const multiget = typeof init?.body === 'string' && init.body.includes('-multiget');
        if (multiget) multigets.most = Math.max(multigets.most, ++multigets.now);
        try {
          return await counter.fetch(input, init);
        } finally {
          if (multiget) multigets.now--;
        }
      },
    };
    try {
      // Every answer is larger than a budget of one byte: each is granted alone, none is stuck.
      const { summary } = await runMirror({ ...setup, batchSize: 20, fetchDepth: 4, answerBudgetBytes: 1 }, undefined, counted);
      expect(summary).toMatchObject({ outcome: 'ok', added: CARDS.length + EVENTS.length });
    } finally {
      proxy.clear();
    }
    expect(multigets.most).toBe(1);
  });

  it('stopped mid-way, stores whole batches in order, saves no cursor, and the next run fetches only the rest', async () => {
    const setup = await freshSetup();
    // The third address-book multiget and every try after it is reset: the run ends there.
    proxy.add({ method: 'REPORT', body: 'addressbook-multiget', skip: 2, fault: { kind: 'reset' } });
    let first;
    try {
      first = await runMirror({ ...setup, batchSize: 40 });
    } finally {
      proxy.clear();
    }
    expect(first.summary.outcome).toBe('failed');
    const book = (await setup.db.collections.toArray()).find((c) => c.kind === 'addressbook');
    expect(book?.syncToken ?? null).toBeNull();
    const stored = (await setup.db.items.where('collectionId').equals(book!.id).toArray()).map((i) => itemPath(i.href)).sort();
    // The two batches before the failure, whole; nothing of the failed one or those after it.
    expect(stored).toHaveLength(80);

    const counted = multigetSizes();
    const next = await runMirror(setup, mirrorSource(setup, counted.fetch).source);
    expect(next.summary).toMatchObject({ outcome: 'ok', added: CARDS.length - 80, errors: [] });
    await expectConverged(setup);
    const asked = counted.sizes.get(itemPath(server.addressBookUrl)) ?? [];
    expect(asked.reduce((a, b) => a + b, 0)).toBe(CARDS.length - 80);
  });
});
