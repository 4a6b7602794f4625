// What a person sees when most of an address book vanishes upstream: an alarm in the popup
// and on the toolbar badge, a one-click export of the copy from before, and the alarm gone
// once acknowledged; then, in the Activity section, the mirror over time with the wipe's drop.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { startRadicale, makeCards, deleteItem, putItem, type RadicaleServer } from '../harness';
import { launchExtensionBrowser, type ExtensionBrowser } from '../browser/extension-browser';
import { prepareExtensionCopy } from '../browser/extension-copy';
import { openOptions, openPopup, showSection, submitAccount, waitForMirror } from '../browser/extension-pages';
import { seriousViolationsInBothSchemes } from '../browser/axe-check';

const CARDS = makeCards(30);
let radicale: RadicaleServer;
let ext: ExtensionBrowser;

beforeAll(async () => {
  radicale = await startRadicale({ seed: [{ name: 'contacts', kind: 'addressbook', displayName: 'Family', items: CARDS }] });
  ext = await launchExtensionBrowser({ extensionDir: prepareExtensionCopy('dist', ['http://127.0.0.1/*']) });
});
afterAll(async () => {
  await ext?.close();
  await radicale?.stop();
});

const badge = async () => (await ext.serviceWorker()).evaluate(() => chrome.action.getBadgeText({}));

describe('the wipe alarm in the popup', () => {
  it('raises the alarm, exports the copy from before, and clears on acknowledgement', async () => {
    const options = await openOptions(ext);
    await submitAccount(options, { serverUrl: radicale.url, username: radicale.username, password: radicale.password });
    const popup = await openPopup(ext);
    await waitForMirror(popup, CARDS.length);

    const auth = { username: radicale.username, password: radicale.password };
    for (const card of CARDS.slice(0, 27)) await deleteItem(`${radicale.addressBookUrl}${card.name}`, auth);
    await popup.getByRole('button', { name: 'Sync now' }).click();

    const alarm = popup.getByRole('alert').filter({ hasText: '27 items were deleted' });
    await alarm.waitFor();
    expect(await alarm.textContent()).toContain('Family');
    expect(await badge()).toBe('1');
    await popup.getByTestId('contact-count').filter({ hasText: 'Contacts: 3' }).waitFor();
    await popup.screenshot({ path: 'docs/images/popup-wipe-alarm.png' });

    await alarm.getByRole('button', { name: 'Export the copy from before' }).click();
    await popup.getByRole('status').filter({ hasText: /Saved lifeboat-contacts-as-of-/ }).waitFor();
    const name = readdirSync(ext.downloadsDir).find((file) => file.startsWith('lifeboat-contacts-as-of-') && file.endsWith('.vcf'));
    expect(name).toBeDefined();
    const cards = ICAL.parse(readFileSync(join(ext.downloadsDir, name!), 'utf8')) as unknown[];
    expect(cards).toHaveLength(CARDS.length);

    await alarm.getByRole('button', { name: 'I know, dismiss' }).click();
    await alarm.waitFor({ state: 'detached' });
    expect(await badge()).toBe('');
  });

  it('draws the mirror over time in Activity: the wipe a line falling, then growing again', async () => {
    const auth = { username: radicale.username, password: radicale.password };
    for (const card of makeCards(5, 100)) await putItem(`${radicale.addressBookUrl}${card.name}`, card.data, auth);
    const popup = await openPopup(ext);
    await popup.getByRole('button', { name: 'Sync now' }).click();
    await waitForMirror(popup, 8);
    await popup.close();

    const options = await openOptions(ext);
    // A backup saved meanwhile is a mark under the time axis.
    await showSection(options, 'Export & backups');
    await options.getByRole('button', { name: 'Save a backup into the folder now' }).click();
    await options.locator('.snapshots li').first().waitFor({ timeout: 30_000 });
    await showSection(options, 'Activity');
    const section = options.getByRole('region', { name: 'Your copy over time' });
    const chart = section.getByRole('img', { name: /^Items per collection after each sync/ });
    await chart.waitFor();
    expect(await section.locator('.legend li').allTextContents()).toEqual(['Family: now 8, highest 30, lowest 3']);
    expect(await chart.locator('.series circle').count()).toBe(3);
    expect(await chart.locator('.backup-mark').count()).toBe(1);
    await section.getByText('Show the numbers').click();
    const counts = await section.getByRole('table').locator('td.number').allTextContents();
    expect(counts).toEqual(['8', '3', '30']);
    expect(await seriousViolationsInBothSchemes(options)).toEqual([]);
    await options.setViewportSize({ width: 1000, height: 1200 });
    await section.getByText('Show the numbers').click();
    await section.screenshot({ path: 'docs/images/mirror-over-time.png' });
    await options.close();
  });
});
