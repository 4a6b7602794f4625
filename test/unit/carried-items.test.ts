// A delta listing's carried texts are stored as fetched ones would be, and only the others are fetched.
import { describe, expect, it } from 'vitest';
import { takingCarried } from '../../src/sync/carried-items';
import type { ChangeListing, RemoteItem } from '../../src/model/source';

const item = (href: string): RemoteItem => ({ href, etag: `"${href}"`, data: `text of ${href}` });
const delta = (carried: RemoteItem[]): ChangeListing => ({ mode: 'delta', changed: [], removed: [], cursor: { syncToken: 't' }, carried });

function recordingFetch() {
  const asked: string[][] = [];
  const fetch = (hrefs: string[]) => {
    asked.push(hrefs);
    return Promise.resolve(hrefs.map(item));
  };
  return { asked, fetch };
}

describe('takingCarried', () => {
  it('fetches only the items the listing did not carry', async () => {
    const { asked, fetch } = recordingFetch();
    const fetchItems = takingCarried(delta([item('a'), item('c')]), fetch);
    const results = await fetchItems(['a', 'b', 'c', 'd']);
    expect(asked).toEqual([['b', 'd']]);
    expect(results.map((r) => r.href).sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('asks nothing when every item was carried', async () => {
    const { asked, fetch } = recordingFetch();
    expect(await takingCarried(delta([item('a')]), fetch)(['a'])).toEqual([item('a')]);
    expect(asked).toEqual([]);
  });

  it('leaves the fetch as it is for a listing that carried nothing', () => {
    const { fetch } = recordingFetch();
    expect(takingCarried({ mode: 'full', items: [], cursor: {} }, fetch)).toBe(fetch);
    expect(takingCarried(delta([]), fetch)).toBe(fetch);
  });
});
