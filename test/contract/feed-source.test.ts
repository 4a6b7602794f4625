// The source contract against a calendar feed (harness/feed-server.ts): one .ics file served
// whole with an ETag and a Last-Modified, changed upstream by replacing the file.
import { createFeedSource } from '../../src/providers/ics-feed/feed-source';
import { writeValidators } from '../../src/providers/ics-feed/feed-cursor';
import { feedOf, startFeedServer } from '../harness/feed-server';
import { foldLine } from '../harness/sample-items';
import { contractEventLines } from './contract-items';
import type { SourceFixture } from './contract-target';
import { describeSourceContract } from './source-contract';

describeSourceContract('calendar feed', {
  capabilities: {
    // Each object is cut out of the one file (calendars/split-calendar.ts) and wrapped in a
    // VCALENDAR of its own: its VEVENT's lines are the file's, byte for byte.
    served: 'excerpt',
    deltas: { lacks: 'a feed is one file served whole: no per-item change or deletion cursor exists, every changed answer is a full listing compared with the mirror' },
    auth: { lacks: 'a feed sends no credentials: its secret is its address' },
    network: true,
  },
  async start(): Promise<SourceFixture> {
    const feed = await startFeedServer();
    const events = new Map<number, string>();
    const publish = () => feed.setFeed(feedOf([...events.values()]));
    const write = (n: number, label: string) => {
      // Folded as a file holds them (feedOf adds the line end after each event).
      events.set(n, contractEventLines(n, label).map(foldLine).join('').slice(0, -2));
      return Promise.resolve(publish());
    };
    const path = new URL(feed.url).pathname;
    return {
      source: createFeedSource({ url: feed.url, label: 'Feed' }),
      kind: 'calendar',
      collectionPath: '/',
      add: write,
      change: write,
      remove(n) {
        events.delete(n);
        return Promise.resolve(publish());
      },
      served: async () => (await fetch(feed.url)).text(),
      // Validators the server never gave (a feed moved to another host answers with its own):
      // RFC 9110 §13.1.2, If-None-Match that does not match is a whole answer, not a 304.
      invalidate: () => Promise.resolve({ ctag: writeValidators('"never-served"', 'Thu, 01 Jan 1970 00:00:00 GMT') }),
      sourceAt: (origin, options) => createFeedSource({ url: `${origin}${path}`, label: 'Feed' }, options),
      origin: new URL(feed.url).origin,
      stop: () => feed.stop(),
    };
  },
});
