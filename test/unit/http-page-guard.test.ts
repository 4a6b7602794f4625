// Listings that point back at themselves or never end.
import { describe, expect, it } from 'vitest';
import { PageGuard } from '../../src/http/page-guard';
import { EndlessListingError } from '../../src/http/policy-errors';
import { createAccountContext } from '../../src/http/http-context';
import { graphPages } from '../../src/providers/microsoft/graph-request';
import { fakeFetch } from '../harness/fake-fetch';

const GRAPH = 'https://graph.microsoft.com/v1.0/';

function graphContext(fetch: typeof globalThis.fetch) {
  return createAccountContext({ serverUrl: GRAPH, username: '', password: '', bearer: { accessToken: 't', renew: () => Promise.resolve('t') }, fetch });
}

describe('PageGuard', () => {
  it('ends on a link seen before, even after others (a cycle of two)', () => {
    const guard = new PageGuard({ url: 'https://h.example/list' });
    guard.visit('a');
    guard.visit('b');
    expect(() => guard.visit('a')).toThrow('h.example sent the same page or sync token again while saying there was more; Lifeboat stopped the listing instead of looping');
  });

  it('ends past its page cap', () => {
    const guard = new PageGuard({ url: 'https://h.example/list', maxPages: 3 });
    ['1', '2', '3'].forEach((link) => guard.visit(link));
    expect(() => guard.visit('4')).toThrow(EndlessListingError);
    expect(() => guard.visit('4')).toThrow('h.example kept sending more pages after 3 of them; Lifeboat stopped the listing');
  });
});

describe('graphPages', () => {
  it('follows a nextLink cycle once around and then stops', async () => {
    const fake = fakeFetch((call) => ({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ value: [{ id: call.url }], '@odata.nextLink': call.url.endsWith('a') ? `${GRAPH}b` : `${GRAPH}a` }),
    }));
    await expect(graphPages(graphContext(fake.fetch), `${GRAPH}a`)).rejects.toBeInstanceOf(EndlessListingError);
    expect(fake.calls.map((c) => c.url)).toEqual([`${GRAPH}a`, `${GRAPH}b`]);
  });

  it('stops an endless series of new links at the page cap', async () => {
    let n = 0;
    const fake = fakeFetch(() => ({ status: 200, contentType: 'application/json', body: JSON.stringify({ value: [], '@odata.nextLink': `${GRAPH}p${++n}` }) }));
    await expect(graphPages(graphContext(fake.fetch), `${GRAPH}p0`, 50)).rejects.toThrow('kept sending more pages after 50');
    expect(fake.calls).toHaveLength(50);
  });
});
