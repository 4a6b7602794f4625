// A calendar feed mirrored by the real engine through the real feed source, from a loopback
// server whose feed changes between runs: conditional GETs (304 costs no body and changes
// nothing), an event changed (its old text kept as a version), an event gone from the feed
// (kept, marked), and a feed emptied at once (the wipe alarm, nothing lost).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedEvent, feedOf, startFeedServer, type FeedServer } from '../harness/feed-server';
import { freshDb } from '../support/test-db';
import { insertAccount } from '../../src/db/accounts';
import { readers } from '../../src/sync/readers';
import { syncAccount } from '../../src/sync/sync-account';
import { sourceForAccount } from '../../src/providers/source-for-account';
import { feedBase } from '../../src/model/feed-url';

const EVENTS = Array.from({ length: 12 }, (_, i) => feedEvent(i + 1));
let server: FeedServer;

beforeAll(async () => {
  server = await startFeedServer();
  server.setFeed(feedOf(EVENTS));
});
afterAll(() => server?.stop());

describe('a calendar feed mirrored from a server whose feed changes', () => {
  it('mirrors each event, asks conditionally, keeps what changes or vanishes, and raises the alarm on a wipe', async () => {
    const db = freshDb();
    const account = await insertAccount(db, { id: 'feed', kind: 'ics-feed', label: 'Team', serverUrl: feedBase(server.url), calendarServerUrl: null, services: ['calendar'], username: '' }, 1);
    const run = () => syncAccount({ db, source: sourceForAccount(account, server.url).source, readers, now: Date.now }, account);

    const first = await run();
    expect(first).toMatchObject({ outcome: 'ok', added: 12 });
    const items = await db.items.toArray();
    expect(items.map((i) => i.uid).sort()).toEqual(EVENTS.map((_, i) => `feed-event-${i + 1}@example.com`).sort());
    // The mirror keeps only the feed's origin, never its secret path.
    expect(JSON.stringify(await db.collections.toArray())).not.toContain('private-secret');
    expect(items.every((i) => !i.href.includes('private-secret') && !i.raw.includes('METHOD:'))).toBe(true);

    const second = await run();
    expect(second).toMatchObject({ outcome: 'ok', added: 0, changed: 0, deletedUpstream: 0 });
    expect(server.statuses.slice(-1)).toEqual([304]);
    expect(server.conditionals.at(-1)?.ifNoneMatch).toMatch(/^"/);

    server.setFeed(feedOf([feedEvent(1, 'Meeting 1, moved'), ...EVENTS.slice(1, 11)]));
    const third = await run();
    expect(third).toMatchObject({ outcome: 'ok', added: 0, changed: 1, deletedUpstream: 1 });
    expect(await db.versions.count()).toBe(1);
    const gone = await db.items.filter((i) => i.uid === 'feed-event-12@example.com').first();
    expect(gone).toMatchObject({ live: 0 });
    expect(gone?.raw).toContain('SUMMARY:Meeting 12');

    server.setFeed(feedOf([]));
    const wiped = await run();
    expect(wiped.alarms).toHaveLength(1);
    expect(wiped.alarms[0]).toMatchObject({ kind: 'emptied' });
    expect(await db.items.count()).toBe(12);
  });

  it('never reads a page that is not a calendar, or a cut-off feed, as an emptied one', async () => {
    const db = freshDb();
    const account = await insertAccount(db, { id: 'feed', kind: 'ics-feed', label: 'Team', serverUrl: feedBase(server.url), calendarServerUrl: null, services: ['calendar'], username: '' }, 1);
    const run = () => syncAccount({ db, source: sourceForAccount(account, server.url).source, readers, now: Date.now }, account);
    server.setFeed(feedOf(EVENTS));
    expect(await run()).toMatchObject({ outcome: 'ok', added: 12 });

    server.setFeed('<!doctype html><title>Sign in</title>');
    const page = await run();
    expect(page).toMatchObject({ outcome: 'failed', deletedUpstream: 0 });
    expect(page.errors[0]?.message).toMatch(/did not answer with a calendar/);
    expect(page.errors[0]?.message).not.toContain('private-secret');

    server.setFeed(feedOf(EVENTS).slice(0, 400));
    expect(await run()).toMatchObject({ outcome: 'failed', deletedUpstream: 0 });
    expect(await db.items.filter((i) => i.live === 1).count()).toBe(12);
  });
});
