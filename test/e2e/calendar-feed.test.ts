// A calendar feed, as a person adds one, in real Chromium: paste the address in the options
// page, see the popup count its events, then sync again after the feed changed upstream. The
// new form passes axe-core in both schemes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedEvent, feedOf, startFeedServer, type FeedServer } from '../harness/feed-server';
import { launchExtensionBrowser, type ExtensionBrowser } from '../browser/extension-browser';
import { prepareExtensionCopy } from '../browser/extension-copy';
import { openOptions, openPopup } from '../browser/extension-pages';
import { seriousViolationsInBothSchemes } from '../browser/axe-check';

const EVENTS = Array.from({ length: 9 }, (_, i) => feedEvent(i + 1));
let feed: FeedServer;
let ext: ExtensionBrowser;

beforeAll(async () => {
  feed = await startFeedServer();
  feed.setFeed(feedOf(EVENTS));
  ext = await launchExtensionBrowser({ extensionDir: prepareExtensionCopy('dist', ['http://127.0.0.1/*']) });
});

afterAll(async () => {
  await ext?.close();
  await feed?.stop();
});

describe('a calendar feed in Chromium', () => {
  it('is added from the options page and mirrored; a change upstream comes in on Sync now', async () => {
    const options = await openOptions(ext);
    expect(await seriousViolationsInBothSchemes(options)).toEqual([]);
    const form = options.locator('form.add-feed');
    await form.getByLabel('Calendar feed address (.ics or webcal://)').fill('not a feed');
    await form.getByRole('button', { name: 'Add calendar feed' }).click();
    await form.locator('.message').filter({ hasText: /starting with https:\/\/ or webcal:\/\// }).waitFor();

    await form.getByLabel('Calendar feed address (.ics or webcal://)').fill(feed.url);
    await form.getByLabel('Name for this calendar (optional)').fill('Team feed');
    await form.getByRole('button', { name: 'Add calendar feed' }).click();
    await form.locator('.message').filter({ hasText: 'Calendar feed added: 9 events' }).waitFor({ timeout: 30_000 });
    await options.getByText('Calendar feed from 127.0.0.1').waitFor();

    const popup = await openPopup(ext);
    await popup.getByTestId('event-count').filter({ hasText: `Events: ${EVENTS.length}` }).waitFor({ timeout: 60_000 });
    await popup.locator('.status-ok').filter({ hasText: /last safe copy/ }).waitFor({ timeout: 60_000 });

    // One event gone from the feed (kept in the mirror, marked), two new ones: ten live.
    feed.setFeed(feedOf([...EVENTS.slice(1), feedEvent(20), feedEvent(21)]));
    await popup.getByRole('button', { name: 'Sync now' }).click();
    await popup.getByTestId('event-count').filter({ hasText: 'Events: 10' }).waitFor({ timeout: 60_000 });
    // That sync asked with the ETag the first mirror saved.
    expect(feed.conditionals.at(-1)?.ifNoneMatch).toMatch(/^"/);
    await popup.close();
    await options.close();
  });
});
