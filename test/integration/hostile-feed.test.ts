// A calendar feed that turns hostile after an honest run: a redirect to a foreign host that
// asks for a password (a feed has none to give, and no header goes there), and a feed that
// never ends (read up to the feed cap, by streaming). The mirror keeps what the honest run
// stored, and the run names the host.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAccount } from '../../src/db/accounts';
import { sourceForAccount } from '../../src/providers/source-for-account';
import { feedBase } from '../../src/model/feed-url';
import { syncAccount } from '../../src/sync/sync-account';
import { readers } from '../../src/sync/readers';
import { freshDb } from '../support/test-db';
import { feedEvent, feedOf } from '../harness/feed-server';
import { authorizedRequests, startHostileHost, type HostileHost } from '../harness/hostile-host';
import { startHostileFeed, type HostileFeedServer } from '../harness/hostile-feed-server';

const EVENTS = Array.from({ length: 5 }, (_, i) => feedEvent(i + 1));
let feed: HostileFeedServer;
let foreign: HostileHost;

beforeAll(async () => {
  feed = await startHostileFeed(feedOf(EVENTS));
  foreign = await startHostileHost({ address: '127.0.0.2' });
});
afterAll(async () => {
  await Promise.all([feed?.stop(), foreign?.stop()]);
});

async function honestlyMirrored() {
  feed.mode = 'honest';
  const db = freshDb();
  const account = await insertAccount(db, { id: 'feed', kind: 'ics-feed', label: 'Team', serverUrl: feedBase(feed.feedUrl), calendarServerUrl: null, services: ['calendar'], username: '' }, 1);
  const run = () => syncAccount({ db, source: sourceForAccount(account, feed.feedUrl, { bodyCaps: { feed: 4 * 1024 * 1024 } }).source, readers, now: Date.now }, account);
  expect(await run()).toMatchObject({ outcome: 'ok', added: EVENTS.length });
  const texts = async () => (await db.items.toArray()).map((i) => [i.href, i.raw, i.live]).sort();
  return { run, texts, before: await texts() };
}

describe('a hostile calendar feed', () => {
  it('redirects to a foreign host that asks for a password: no header goes there, the events stay, the host is named', async () => {
    const { run, texts, before } = await honestlyMirrored();
    feed.mode = { redirectTo: foreign.url };
    const summary = await run();
    expect(foreign.requests.length).toBeGreaterThan(0);
    expect(authorizedRequests(foreign)).toEqual([]);
    expect(summary.errors.map((e) => e.message).join('\n')).toContain(`The calendar feed at ${foreign.host} asks for a sign-in`);
    expect(await texts()).toEqual(before);
  });

  it('never ends: reading stops at the cap, the events stay, the run says so', async () => {
    const { run, texts, before } = await honestlyMirrored();
    feed.mode = 'endless';
    const summary = await run();
    expect(summary.errors.map((e) => e.message).join('\n')).toContain(`The answer from ${feed.host} was larger than 4 MB; Lifeboat stopped reading it`);
    expect(feed.sent.bytes).toBeLessThan(64 * 1024 * 1024);
    expect(await texts()).toEqual(before);
  });
});
