// The Source for a calendar feed (an .ics or webcal:// address): one collection, listed with a
// conditional GET. Unchanged (304) costs one request and no body; a changed feed is a full
// listing, so an event that leaves it is marked deleted upstream and the wipe alarm applies.
import { createHttpContext, type HttpContextOptions } from '../../http/http-context';
import type { ChangeListing, RemoteCollection, RemoteItem, Source } from '../../model/source';
import { readValidators, writeValidators } from './feed-cursor';
import { FeedError } from './feed-errors';
import { feedItems } from './feed-items';
import { getFeed } from './feed-request';
import { feedBase } from '../../model/feed-url';

export interface FeedConnection {
  /** The feed's full https:// address (a secret: kept in extension storage). */
  url: string;
  label: string;
  fetch?: typeof fetch;
}

export function createFeedSource(conn: FeedConnection, options: HttpContextOptions = {}): Source {
  const ctx = createHttpContext({ serverUrl: conn.url, authorization: '', credentials: 'none', fetch: conn.fetch, options });
  const base = feedBase(conn.url);
  // The objects of this run's download: listing and fetching are one GET for a feed.
  let latest: Map<string, RemoteItem> | null = null;

  async function download(validators: ReturnType<typeof readValidators>): Promise<ChangeListing> {
    const answer = await getFeed(ctx, conn.url, validators);
    if (!answer.modified) return { mode: 'unchanged' };
    const { items, truncated } = await feedItems(answer.body, base);
    if (truncated) throw new FeedError(conn.url, 'cut-off');
    latest = new Map(items.map((item) => [item.href, item]));
    return {
      mode: 'full',
      items: items.map(({ href, etag }) => ({ href, etag })),
      cursor: { ctag: writeValidators(answer.etag, answer.lastModified) },
    };
  }

  return {
    listCollections: (): Promise<RemoteCollection[]> => Promise.resolve([{ href: base, kind: 'calendar', displayName: conn.label, supportsSyncCollection: false }]),
    listChanges: (_collection, cursor) => download(readValidators(cursor.ctag)),
    async fetchItems(_collection, hrefs) {
      // Items a previous run could not read, asked for after a 304: download the feed whole.
      if (latest === null) await download({});
      return hrefs.map((href) => latest?.get(href) ?? { href, error: 'No longer in the feed' });
    },
  };
}
