// The benchmark's floor against real servers: the cheapest pattern (sync-collection with an
// empty token, then multigets in the asked batching), and the later syncs that ask only for
// what changed. If it fetched fewer items, or made more requests than the pattern says, the
// floor it reports would not be the floor.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBenchServer, type BenchServer, type ServerName } from '../../bench/bench-server';
import { FloorClient } from '../../bench/floor-client';
import { benchChanges, benchCollections, dataSize } from '../../bench/generate-data';

const SIZE = dataSize(30);
const ITEMS = 30 + 30 + 3;

// Both servers: scripts/setup.sh, which `npm test` runs first, installs Cyrus; a machine without
// it fails here rather than quietly measuring Radicale alone.
const SERVERS: ServerName[] = ['radicale', 'cyrus'];

describe.each(SERVERS)('the floor on %s', (name) => {
  let server: BenchServer;
  const floor = () => new FloorClient(server.account, server.vcard4);

  beforeAll(async () => {
    server = await startBenchServer(name, benchCollections(SIZE));
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('lists by sync-collection, fetches every item in the asked batches, then only what changed', async () => {
    const client = floor();
    const first = await client.firstMirror({ batch: 10, inFlight: 2 });
    expect(first.items).toBe(ITEMS);
    // Discovery (2 PROPFINDs per kind, 1 home listing per kind), 3 listings, 3 + 3 + 1 multigets.
    expect(first.pattern).toBe('PROPFIND ×6 + sync-collection ×3 + multiget 7×≤10, 2 in flight');
    expect(first.requests).toBe(16);

    const unchanged = await client.sync();
    expect(unchanged).toMatchObject({ items: 0, requests: 3, pattern: 'sync-collection ×3, 2 in flight' });

    for (const change of benchChanges(SIZE, 4, 1)) await server.put(change.collection, change.item.name, change.item.data);
    const changed = await client.sync();
    expect(changed).toMatchObject({ items: 4, pattern: 'sync-collection ×3 + multiget 2×2, 2 in flight' });
    expect((await client.sync()).items).toBe(0);
  }, 120_000);

  it('fetches everything in the listing itself when asked to: one sync-collection per collection, then only what changed', async () => {
    const client = floor();
    const run = await client.firstMirror({ batch: Infinity, inFlight: 3, listingCarriesData: true });
    expect(run).toMatchObject({ items: ITEMS, requests: 9, pattern: 'PROPFIND ×6 + sync-collection with texts ×3, 3 in flight' });
    // The listing's own token holds: the next sync finds nothing new.
    expect(await client.sync()).toMatchObject({ items: 0, requests: 3 });
  }, 120_000);

  it('fetches everything in one multiget per collection', async () => {
    const run = await floor().firstMirror({ batch: Infinity, inFlight: 3 });
    expect(run).toMatchObject({ items: ITEMS, requests: 12, pattern: 'PROPFIND ×6 + sync-collection ×3 + multiget 3×≤30, 3 in flight' });
  }, 120_000);
});
