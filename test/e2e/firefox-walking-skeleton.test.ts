// The walking skeleton in Firefox ESR (the oldest Firefox the manifest accepts): add an
// account in the options page against a real Radicale, watch the popup count the mirror,
// export both files and compare them with the server, then the wipe drill.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import ICAL from 'ical.js';
import { startRadicale, makeCards, makeEvents, deleteItem, type RadicaleServer } from '../harness';
import { launchFirefoxExtension, type FirefoxExtension } from '../browser/firefox-browser';
import { prepareExtensionCopy } from '../browser/extension-copy';
import { addAccountInFirefox, clickButton, openFirefoxOptions, openFirefoxPopup, waitForFirefoxMirror, waitForText } from '../browser/firefox-pages';
import { waitForFile } from '../browser/wait-for-file';
import { exportFileName } from '../../src/exporters/file-names';

const CARDS = makeCards(30);
const EVENTS = makeEvents(12);
let radicale: RadicaleServer;
let ext: FirefoxExtension;

beforeAll(async () => {
  radicale = await startRadicale({
    seed: [
      { name: 'contacts', kind: 'addressbook', displayName: 'Family', items: CARDS },
      { name: 'calendar', kind: 'calendar', displayName: 'Calendar', items: EVENTS },
    ],
  });
  ext = await launchFirefoxExtension({ extensionDir: prepareExtensionCopy('dist-firefox', ['http://127.0.0.1/*']) });
  console.log(`Firefox under test: ${await ext.browser.version()}`);
});

afterAll(async () => {
  await ext?.close();
  await radicale?.stop();
});

describe('walking skeleton in Firefox', () => {
  it('installs a build whose background is an event page named for what it is, accepted from ESR 140', async () => {
    const manifest = JSON.parse(readFileSync('dist-firefox/manifest.json', 'utf8')) as {
      background: { scripts: string[] };
      browser_specific_settings: { gecko: { strict_min_version: string } };
    };
    expect(manifest.background.scripts).toEqual(['background.js']);
    expect(manifest.browser_specific_settings.gecko.strict_min_version).toBe('140.0');
    // Installed (beforeAll) and running: its options page answers from its pinned address.
    const options = await openFirefoxOptions(ext);
    // Read from the document: puppeteer's page.url() still says about:blank (firefox-browser.ts).
    expect(await options.evaluate(() => location.href)).toBe(`${ext.origin}/src/options/index.html#accounts`);
    await options.close();
  });

  it('adds the account in the options page and mirrors every card and event', async () => {
    const options = await openFirefoxOptions(ext);
    expect(await addAccountInFirefox(options, { serverUrl: radicale.url, username: radicale.username, password: radicale.password, label: 'Demo' })).toMatch(/Account added/);
    const popup = await openFirefoxPopup(ext);
    // The popup's styles are written into its page and allowed by their hashes (scripts/inline-page-css.ts):
    // a policy that refused them in Firefox would leave the popup unstyled.
    expect(await popup.evaluate(() => getComputedStyle(document.querySelector('.popup')!).padding)).toBe('12px 14px');
    await waitForFirefoxMirror(popup, CARDS.length);
    await waitForText(popup, '[data-testid=event-count]', `Events: ${EVENTS.length}`);
    // Its first counts came from the event page's copy in storage.session (db/session-summary.ts)
    // and then straight from IndexedDB (db/summary-records-direct.ts), not through Dexie: each
    // mark is set only when that read answered with records.
    expect(await popup.evaluate(() => ['lifeboat:counts-copied', 'lifeboat:counts-read-directly'].map((name) => performance.getEntriesByName(name).length))).toEqual([1, 1]);
    await options.close();
    await popup.close();
  });

  it('exports a .vcf holding exactly the server’s cards', async () => {
    const popup = await openFirefoxPopup(ext);
    await clickButton(popup, 'Export contacts (.vcf)');
    await waitForText(popup, '[role=status]', /Saved/);
    const text = readFileSync(await waitForFile(ext.downloadsDir, exportFileName('contacts', new Date(), 'vcf')), 'utf8');
    expect(ICAL.parse(text) as unknown[]).toHaveLength(CARDS.length);
    for (const item of CARDS) expect(text).toContain(item.data.trim());
    await popup.close();
  });

  it('exports an .ics holding every event of the calendar', async () => {
    const popup = await openFirefoxPopup(ext);
    await clickButton(popup, 'Export calendars (.ics)');
    await waitForText(popup, '[role=status]', /Saved lifeboat-calendars/);
    const file = await waitForFile(ext.downloadsDir, exportFileName('calendars', new Date(), 'ics'));
    const calendar = new ICAL.Component(ICAL.parse(readFileSync(file, 'utf8')) as unknown[]);
    const uids = calendar.getAllSubcomponents('vevent').map((event) => String(event.getFirstPropertyValue('uid')));
    expect(new Set(uids)).toEqual(new Set(EVENTS.map((_, i) => `lifeboat-event-${String(i + 1).padStart(4, '0')}`)));
    await popup.close();
  });

  it('raises the wipe alarm on Sync now and exports the copy from before', async () => {
    const auth = { username: radicale.username, password: radicale.password };
    for (const card of CARDS.slice(0, 27)) await deleteItem(`${radicale.addressBookUrl}${card.name}`, auth);
    const popup = await openFirefoxPopup(ext);
    await clickButton(popup, 'Sync now');
    expect(await waitForText(popup, '[role=alert]', '27 items were deleted')).toContain('Family');
    await waitForText(popup, '[data-testid=contact-count]', 'Contacts: 3');

    await clickButton(popup, 'Export the copy from before', '[role=alert]');
    await waitForText(popup, '[role=status]', /Saved lifeboat-contacts-as-of-/);
    const name = readdirSync(ext.downloadsDir).find((file) => file.startsWith('lifeboat-contacts-as-of-') && file.endsWith('.vcf'));
    expect(name).toBeDefined();
    const text = readFileSync(await waitForFile(ext.downloadsDir, name!), 'utf8');
    expect(ICAL.parse(text) as unknown[]).toHaveLength(CARDS.length);

    await clickButton(popup, 'I know, dismiss', '[role=alert]');
    await popup.waitForFunction(() => !document.querySelector('.warning-alarm'), { polling: 200 });
    await popup.close();
  });
});
