// The benchmark's storing floor in real Chromium against real Radicale: the floor's client in a
// page of the built extension, every multiget answer stored into IndexedDB. If a text were cut,
// left escaped or stored under the wrong href, the figure it reports would be for less work
// than keeping the copy; so each stored record must equal what a GET of its href serves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBenchServer, type BenchServer } from '../../bench/bench-server';
import { benchCollections, dataSize } from '../../bench/generate-data';
import { startLifeboat, type LifeboatBrowser } from '../../bench/lifeboat-browser';
import { loadStoringFloor, runStoringFloor } from '../../bench/storing-floor-bundle';

// A card whose text holds the characters a multistatus must escape (XML 1.0 §2.4).
const ESCAPED_CARD = {
  name: 'escaped.vcf',
  data: 'BEGIN:VCARD\r\nVERSION:3.0\r\nUID:escaped-card\r\nFN:Tom & Jerry <Cartoons>\r\nN:Jerry;Tom;;;\r\nNOTE:"quoted" & \'apostrophe\' > all\r\nEND:VCARD\r\n',
};
const SEED = benchCollections(dataSize(30));
SEED[0]!.items = [...SEED[0]!.items!, ESCAPED_CARD];
const ITEMS = 31 + 30 + 3;

interface Stored {
  href: string;
  etag: string;
  raw: string;
}

describe('the storing floor', () => {
  let server: BenchServer;
  let lifeboat: LifeboatBrowser;

  beforeAll(async () => {
    server = await startBenchServer('radicale', SEED);
    lifeboat = await startLifeboat();
    await loadStoringFloor(lifeboat.page);
  });
  afterAll(async () => {
    await lifeboat?.close();
    await server?.stop();
  });

  it('stores every item, one transaction per multiget, each record as a GET of its href serves it', async () => {
    const run = await runStoringFloor(lifeboat.page, { account: server.account, vcard4: false, pattern: { batch: 10, inFlight: 2 }, database: 'stored', store: true });
    // 4 + 3 + 1 multigets of at most 10 hrefs.
    expect(run).toMatchObject({ items: ITEMS, stored: ITEMS, transactions: 8, requests: 17, pattern: 'PROPFIND ×6 + sync-collection ×3 + multiget 8×≤10, 2 in flight' });

    const records = await lifeboat.page.evaluate(
      () =>
        new Promise<Stored[]>((resolve, reject) => {
          const open = indexedDB.open('stored');
          open.onerror = () => reject(new Error(String(open.error)));
          open.onsuccess = () => {
            const request = open.result.transaction('items').objectStore('items').getAll();
            request.onsuccess = () => resolve(request.result as Stored[]);
            request.onerror = () => reject(new Error(String(request.error)));
          };
        }),
    );
    expect(records).toHaveLength(ITEMS);
    const authorization = `Basic ${Buffer.from(`${server.account.username}:${server.account.password}`).toString('base64')}`;
    for (const record of records) {
      const response = await fetch(record.href, { headers: { Authorization: authorization } });
      expect({ href: record.href, etag: record.etag, raw: record.raw }).toEqual({ href: record.href, etag: response.headers.get('etag'), raw: await response.text() });
    }
    expect(records.find((r) => r.href.endsWith('/escaped.vcf'))?.raw).toContain('FN:Tom & Jerry <Cartoons>');
  });

  it('stores nothing when asked only to fetch, with the same requests', async () => {
    const run = await runStoringFloor(lifeboat.page, { account: server.account, vcard4: false, pattern: { batch: 10, inFlight: 2 }, database: 'fetch-only', store: false });
    expect(run).toMatchObject({ items: ITEMS, stored: 0, transactions: 0, requests: 17 });
  });
});
