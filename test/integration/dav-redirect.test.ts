// iCloud answers on contacts.icloud.com and redirects to a shard host (pNN-contacts.icloud.com);
// fetch drops Authorization on that cross-origin hop, so the server answers 401. The client must
// ask the final URL again with credentials, then go there directly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDavSource } from '../../src/providers/dav/dav-source';
import { startRedirectProxy, type TestHttpServer } from '../harness/http-test-servers';
import { startRadicale, type RadicaleServer } from '../harness/radicale';
import { makeCards } from '../harness/sample-items';

describe('DAV client behind a cross-origin redirect', () => {
  let radicale: RadicaleServer;
  let proxy: TestHttpServer;

  beforeAll(async () => {
    radicale = await startRadicale({ seed: [{ name: 'contacts', kind: 'addressbook', items: makeCards(3) }] });
    proxy = await startRedirectProxy(radicale.url);
  });
  afterAll(async () => {
    await Promise.all([proxy?.stop(), radicale?.stop()]);
  });

  it('re-attaches credentials at the final URL and then goes straight there', async () => {
    const calls: Array<{ url: string; authorized: boolean; status: number; redirected: boolean }> = [];
    const recordingFetch: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const headers = new Headers(init?.headers);
      calls.push({ url: input instanceof Request ? input.url : input.toString(), authorized: headers.has('Authorization'), status: response.status, redirected: response.redirected });
      return response;
    };
    const conn = { serverUrl: proxy.url, username: radicale.username, password: radicale.password, fetch: recordingFetch };
    const source = createDavSource(conn, 'addressbook');

    const books = await source.listCollections();
    expect(books.map((b) => b.href)).toEqual([radicale.addressBookUrl]);
    // The first request went to the proxy, was redirected, and lost its credentials on the way.
    expect(calls[0]).toMatchObject({ url: proxy.url, status: 401, redirected: true });
    expect(proxy.requests[0]?.authorized).toBe(true);
    // Then it was asked again at Radicale's origin, with credentials.
    expect(calls[1]).toMatchObject({ url: radicale.url, authorized: true, status: 207 });

    const proxyHits = proxy.requests.length;
    const listing = await source.listChanges(books[0]!, {});
    if (listing.mode !== 'full') throw new Error(listing.mode);
    const items = await source.fetchItems(books[0]!, listing.items.map((i) => i.href));
    expect(items.every((i) => 'data' in i)).toBe(true);
    expect(proxy.requests.length).toBe(proxyHits);
  });
});
