// The popup with 20,000 mirrored items: counts come from indexes, so it shows them at once.
// How long it takes is logged for the benchmark, not asserted (a timing test on a shared
// machine fails for reasons that are not the code's).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtensionBrowser, type ExtensionBrowser } from '../browser/extension-browser';
import { prepareExtensionCopy } from '../browser/extension-copy';
import { POPUP, openOptions } from '../browser/extension-pages';
import { seedLargeMirror } from '../browser/seed-mirror';

const COUNTS = { contacts: 14_800, deletedContacts: 200, events: 4_000, tasks: 1_000 };
let ext: ExtensionBrowser;

/** What this test reads of the worker's copy of the summary records (src/db/session-summary.ts). */
interface CopyShape {
  records: { counters: Array<{ counts: Record<string, number> }> };
}

beforeAll(async () => {
  ext = await launchExtensionBrowser({ extensionDir: prepareExtensionCopy('dist', []) });
  const options = await openOptions(ext);
  await seedLargeMirror(options, 'large', COUNTS);
  await options.close();
});

afterAll(async () => {
  await ext?.close();
});

describe('the popup with 20,000 items mirrored', () => {
  it('shows every count and the last safe copy', async () => {
    // Opened twice: the first open also warms the browser's storage after the bulk write.
    for (const open of ['first', 'second']) {
      const started = Date.now();
      const popup = await ext.openPage(POPUP, { width: 360, height: 420 });
      await popup.getByTestId('contact-count').filter({ hasText: 'Contacts: 14,800' }).waitFor();
      // The frame's mark is set once the browser reports the page's first paint (main.tsx).
      await popup.waitForFunction(() => performance.getEntriesByName('lifeboat:frame-painted').length > 0);
      const marks = await popup.evaluate(() => ['lifeboat:popup-start', 'lifeboat:frame-painted', 'lifeboat:counts-shown'].map((name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN));
      const [start = NaN, painted = NaN, ready = NaN] = marks;
      console.log(
        `popup with 20,000 items, ${open} open: counts shown ${Date.now() - started} ms after opening; ` +
          `frame painted ${painted.toFixed(0)} ms and counts shown ${ready.toFixed(0)} ms after navigation, ` +
          `${(ready - start).toFixed(0)} ms after its first script started`,
      );
      // Both marks are set, the frame before the counts (their times are logged, not asserted).
      expect(painted).toBeLessThan(ready);
      // The first counts came from the worker's copy in storage.session (db/session-summary.ts),
      // and the direct read of IndexedDB (db/summary-records-direct.ts), not through Dexie,
      // followed it: each sets its mark only when it answered with records.
      const firstReads = await popup.evaluate(() => ['lifeboat:counts-copied', 'lifeboat:counts-read-directly'].map((name) => performance.getEntriesByName(name).length));
      expect(firstReads).toEqual([1, 1]);
      // The page's styles are written into it and allowed by their hashes: a policy that
      // refused them would leave the theme's variables and the popup's padding unset.
      expect(await popup.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim())).not.toBe('');
      expect(await popup.evaluate(() => getComputedStyle(document.querySelector('.popup')!).padding)).toBe('12px 14px');
      expect(await popup.getByTestId('event-count').textContent()).toBe('Events: 4,000');
      expect(await popup.getByTestId('task-count').textContent()).toBe('Tasks: 1,000');
      expect(await popup.locator('.deleted-count').textContent()).toContain('200 kept after deletion upstream');
      await popup.getByText('Up to date · last safe copy 5 minutes ago').waitFor();
      await popup.close();
    }
  });

  it('keeps its copy of the counts current, and shows the database’s counts over a copy that missed a change', async () => {
    const popup = await ext.openPage(POPUP, { width: 360, height: 420 });
    await popup.getByTestId('contact-count').filter({ hasText: 'Contacts: 14,800' }).waitFor();
    // The options page wrote the mirror; the worker heard of it (Dexie's change notices) and copied the counts.
    const copied = await popup.evaluate(async () => {
      const { summaryRecords } = await chrome.storage.session.get<{ summaryRecords?: CopyShape }>('summaryRecords');
      return summaryRecords?.records.counters.map((c) => c.counts['contact:live']);
    });
    expect(copied).toEqual([COUNTS.contacts]);
    // A copy that says otherwise (as if the worker had not yet copied the last batch): shown
    // first, then replaced by what the database holds.
    await popup.evaluate(async () => {
      const { summaryRecords } = await chrome.storage.session.get<{ summaryRecords: CopyShape }>('summaryRecords');
      for (const counter of summaryRecords.records.counters) counter.counts['contact:live'] = 12_345;
      await chrome.storage.session.set({ summaryRecords });
    });
    await popup.close();
    const again = await ext.openPage(POPUP, { width: 360, height: 420 });
    await again.getByTestId('contact-count').filter({ hasText: 'Contacts: 14,800' }).waitFor();
    expect(await again.evaluate(() => performance.getEntriesByName('lifeboat:counts-copied').length)).toBe(1);
    await again.close();
  });

  it('finds one contact among them at once', async () => {
    const page = await ext.openPage('src/options/index.html#browse/contacts');
    const search = page.getByLabel('Search contacts by name, email or phone');
    await search.waitFor();
    const started = Date.now();
    await search.fill('item 7777');
    const rows = page.getByRole('list', { name: 'Contacts' }).getByRole('button');
    await rows.filter({ hasText: 'Item 7777' }).waitFor();
    console.log(`search among 20,000 items in Chromium: ${Date.now() - started} ms to show the match`);
    await expect.poll(() => rows.count()).toBe(1);
  });
});
