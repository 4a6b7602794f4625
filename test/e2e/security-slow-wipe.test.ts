// The slow-wipe drill in a real Chromium: 200 contacts on Radicale, then three times 18 of them
// deleted upstream and "Sync now" clicked in the popup. No single run loses 10%, so only the
// 30-day high-water mark (sync/wipe-window.ts) can see it: no alarm after the first sync (18 of
// 200 gone), the alarm in the popup by the third (54 of 200), and "Export the copy from before"
// saves a .vcf with all 200 cards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import type { Page } from 'playwright-core';
import { startRadicale, makeCards, deleteItem, type RadicaleServer } from '../harness';
import { launchExtensionBrowser, type ExtensionBrowser } from '../browser/extension-browser';
import { prepareExtensionCopy } from '../browser/extension-copy';
import { openOptions, openPopup, showSection, submitAccount, waitForMirror } from '../browser/extension-pages';

const CARDS = makeCards(200, 2001);
const STEP = 18;
let radicale: RadicaleServer;
let ext: ExtensionBrowser;

beforeAll(async () => {
  radicale = await startRadicale({ seed: [{ name: 'slow', kind: 'addressbook', displayName: 'Slowly emptied', items: CARDS }] });
  ext = await launchExtensionBrowser({ extensionDir: prepareExtensionCopy('dist', ['http://127.0.0.1/*']) });
}, 120_000);
afterAll(async () => {
  await ext?.close();
  await radicale?.stop();
});

const alarmIn = (popup: Page) => popup.getByRole('alert').filter({ hasText: 'Slowly emptied' });

describe('the slow wipe in the popup', () => {
  it('raises no alarm at 18 of 200 gone, the alarm by the third sync, and exports all 200 from before', async () => {
    const options = await openOptions(ext);
    await submitAccount(options, { serverUrl: radicale.url, username: radicale.username, password: radicale.password });
    const popup = await openPopup(ext);
    await waitForMirror(popup, CARDS.length);
    await showSection(options, 'Activity');
    const runs = options.locator('#run-log tbody tr');
    await runs.first().waitFor();

    const auth = { username: radicale.username, password: radicale.password };
    const alarmAfter: boolean[] = [];
    for (let sync = 1; sync <= 3; sync++) {
      for (const card of CARDS.slice((sync - 1) * STEP, sync * STEP)) await deleteItem(`${radicale.addressBookUrl}${card.name}`, auth);
      const runsBefore = await runs.count();
      await popup.getByRole('button', { name: 'Sync now' }).click();
      // The run is over once the log has its row and the popup counts what is left.
      await runs.nth(runsBefore).waitFor({ timeout: 60_000 });
      await waitForMirror(popup, CARDS.length - sync * STEP);
      alarmAfter.push((await alarmIn(popup).count()) > 0);
      console.log(`sync ${sync}: ${CARDS.length - sync * STEP} contacts left upstream, alarm shown: ${alarmAfter[sync - 1]}`);
    }
    // Not at the first step (9% gone); shown by the third (27% gone since the high-water mark).
    expect(alarmAfter[0]).toBe(false);
    expect(alarmAfter[2]).toBe(true);

    const alarm = alarmIn(popup);
    expect(await alarm.textContent()).toContain('has shrunk over several syncs');
    expect(await alarm.textContent()).toContain(`Items now: ${CARDS.length - 3 * STEP}`);
    await alarm.getByRole('button', { name: 'Export the copy from before' }).click();
    await popup.getByRole('status').filter({ hasText: /Saved lifeboat-contacts-as-of-/ }).waitFor();
    const name = readdirSync(ext.downloadsDir).find((file) => file.startsWith('lifeboat-contacts-as-of-') && file.endsWith('.vcf'));
    expect(name).toBeDefined();
    const text = readFileSync(join(ext.downloadsDir, name!), 'utf8');
    const cards = ICAL.parse(text) as unknown[];
    expect(cards).toHaveLength(CARDS.length);
    // Every card that was ever upstream, by its UID.
    for (const card of CARDS) expect(text).toContain(/^UID:.*$/m.exec(card.data)![0]);
  });
});
