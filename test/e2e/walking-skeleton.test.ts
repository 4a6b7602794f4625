// The whole path, as a person takes it, in real Chromium against a real Radicale: add the
// account in the options page, watch the popup count the mirrored contacts, export them with
// one click, and compare the saved file with what the server holds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { startRadicale, startHtmlServer, makeCards, makeEvents, putItem, type RadicaleServer, type TestHttpServer } from '../harness';
import { launchExtensionBrowser, type ExtensionBrowser } from '../browser/extension-browser';
import { prepareExtensionCopy } from '../browser/extension-copy';
import { openOptions, openPopup, showSection, submitAccount, waitForMirror } from '../browser/extension-pages';
import { waitForFile } from '../browser/wait-for-file';
import { readStore } from '../browser/extension-db';
import { seriousViolationsInBothSchemes } from '../browser/axe-check';
import { exportFileName } from '../../src/exporters/file-names';

const CARDS = makeCards(40);
// Radicale keeps and serves this card (vobject reads it); Lifeboat's reader refuses it.
const NESTED = 'BEGIN:VCARD\r\nVERSION:3.0\r\nUID:nested\r\nFN:Nested Calendar\r\nBEGIN:VCALENDAR\r\nEND:VCALENDAR\r\nEND:VCARD\r\n';
const EVENTS = makeEvents(25);
// The README shows these: written by the test, they always show what the code does.
const SCREENSHOTS = 'docs/images';

let radicale: RadicaleServer;
let html: TestHttpServer;
let ext: ExtensionBrowser;

beforeAll(async () => {
  radicale = await startRadicale({
    seed: [
      { name: 'contacts', kind: 'addressbook', displayName: 'Contacts', items: CARDS },
      { name: 'calendar', kind: 'calendar', displayName: 'Calendar', items: EVENTS },
    ],
  });
  html = await startHtmlServer();
  ext = await launchExtensionBrowser({ extensionDir: prepareExtensionCopy('dist', ['http://127.0.0.1/*']) });
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await ext?.close();
  await radicale?.stop();
  await html?.stop();
});

const account = () => ({ serverUrl: radicale.url, username: radicale.username, password: radicale.password, label: 'Demo' });

describe('walking skeleton in Chromium', () => {
  it('tells a person clearly when the password, the address or the server is wrong', async () => {
    const options = await openOptions(ext);
    expect(await submitAccount(options, { ...account(), password: 'wrong' }, 'Test connection')).toMatch(/refused the username or password/i);
    expect(await submitAccount(options, { ...account(), serverUrl: html.url }, 'Test connection')).toMatch(/not a CardDAV|CalDAV|DAV server/i);
    expect(await submitAccount(options, { ...account(), serverUrl: 'http://127.0.0.1:9/' }, 'Test connection')).toMatch(/could not reach/i);
    expect(await submitAccount(options, { ...account(), serverUrl: 'not a url at all' }, 'Test connection')).toMatch(/not a web address/i);
    expect(await options.locator('.account').count()).toBe(0);
    await options.close();
  });

  it('adds the account, mirrors every card, and shows the count in the popup', async () => {
    const options = await openOptions(ext);
    expect(await submitAccount(options, account())).toMatch(/Account added/);
    const popup = await openPopup(ext);
    await waitForMirror(popup, CARDS.length);
    await popup.getByTestId('event-count').filter({ hasText: `Events: ${EVENTS.length}` }).waitFor();
    await popup.getByText(/last safe copy/).waitFor();
    await popup.screenshot({ path: join(SCREENSHOTS, 'popup.png') });
    await options.bringToFront();
    await options.reload();
    await showSection(options, 'Activity');
    await options.getByRole('table').waitFor();
    await showSection(options, 'Accounts');
    await options.screenshot({ path: join(SCREENSHOTS, 'options.png'), fullPage: true });
    await options.close();
    await popup.close();
  });

  it('exports with one click a .vcf holding exactly the server’s cards', async () => {
    const popup = await openPopup(ext);
    await popup.getByRole('button', { name: 'Export contacts (.vcf)' }).click();
    await popup.getByRole('status').filter({ hasText: /Saved/ }).waitFor();
    const file = await waitForFile(ext.downloadsDir, exportFileName('contacts', new Date(), 'vcf'));
    const text = readFileSync(file, 'utf8');

    const cards = ICAL.parse(text) as unknown[];
    expect(cards).toHaveLength(CARDS.length);
    for (const item of CARDS) expect(text).toContain(item.data.trim());
    await popup.close();
  });

  it('exports with one click an .ics holding every event of the calendar', async () => {
    const popup = await openPopup(ext);
    await popup.getByRole('button', { name: 'Export calendars (.ics)' }).click();
    await popup.getByRole('status').filter({ hasText: /Saved lifeboat-calendars/ }).waitFor();
    const file = await waitForFile(ext.downloadsDir, exportFileName('calendars', new Date(), 'ics'));
    const calendar = new ICAL.Component(ICAL.parse(readFileSync(file, 'utf8')) as unknown[]);
    const uids = calendar.getAllSubcomponents('vevent').map((event) => String(event.getFirstPropertyValue('uid')));
    expect(new Set(uids)).toEqual(new Set(EVENTS.map((_, i) => `lifeboat-event-${String(i + 1).padStart(4, '0')}`)));
    await popup.close();
  });

  it('picks up an upstream change on Sync now', async () => {
    const changed = CARDS[0]!.data.replace('FN:Zoë', 'FN:Renamed Zoë');
    await putItem(`${radicale.addressBookUrl}${CARDS[0]!.name}`, changed, { username: radicale.username, password: radicale.password });
    await putItem(`${radicale.addressBookUrl}new-card.vcf`, makeCards(1, 900)[0]!.data, { username: radicale.username, password: radicale.password });
    const popup = await openPopup(ext);
    await popup.getByRole('button', { name: 'Sync now' }).click();
    await waitForMirror(popup, CARDS.length + 1);
    await popup.close();
  });

  it('keeps a card it cannot read, says so in the popup, names it in the run log, and exports it as served under the name really written', async () => {
    // Written straight into Radicale's folder, as another program would (Radicale refuses nothing it can read).
    writeFileSync(join(radicale.storageDir, 'collection-root', radicale.username, 'contacts', 'nested.vcf'), NESTED);
    const popup = await openPopup(ext);
    await popup.getByRole('button', { name: 'Sync now' }).click();
    await popup.getByTestId('unreadable-line').filter({ hasText: '1 item could not be read; it is kept exactly as the server sent it.' }).waitFor();
    await waitForMirror(popup, CARDS.length + 2);

    // The earlier test saved a file of the same name today: the browser adds " (1)".
    const written = exportFileName('contacts', new Date(), 'vcf').replace(/\.vcf$/, ' (1).vcf');
    await popup.getByRole('button', { name: 'Export contacts (.vcf)' }).click();
    const status = popup.getByRole('status').filter({ hasText: `Saved ${written}: ${CARDS.length + 2} contacts` });
    await status.waitFor();
    expect(await status.textContent()).toContain('1 kept exactly as served');
    const saved = readFileSync(await waitForFile(ext.downloadsDir, written), 'utf8');
    expect(saved).toContain(NESTED);
    // Served from the pages kept ready, made stale by the upstream changes and rebuilt: the
    // changes are in the file, and every page is fresh.
    expect(saved).toContain('FN:Renamed Zoë');
    expect(saved).toContain(makeCards(1, 900)[0]!.data.trim());
    const pages = await readStore<{ id: string; stale: boolean }>(popup, 'exportPages');
    expect(pages.filter((page) => page.id.startsWith('contacts:')).length).toBeGreaterThan(0);
    expect(pages.filter((page) => page.stale)).toEqual([]);

    // The export's own "See which" opens the options page at the list of what it kept as served.
    const [list] = await Promise.all([ext.context.waitForEvent('page'), status.getByRole('button', { name: 'See which' }).click()]);
    await list.locator('#export-items').getByText('Nested Calendar').first().waitFor();
    expect(list.url()).toMatch(/#export-items$/);
    await list.close();

    const unreadable = popup.getByTestId('unreadable-line');
    const [log] = await Promise.all([ext.context.waitForEvent('page'), unreadable.getByRole('button', { name: 'See which' }).click()]);
    await log.locator('#run-log').getByText(/Nested Calendar/).first().waitFor();
    expect(log.url()).toMatch(/#run-log$/);
    await log.close();
    await popup.close();
  });

  it('exports from Options with the buttons waiting meanwhile, and names the card kept as served, with its collection and reason', async () => {
    const options = await openOptions(ext);
    await showSection(options, 'Export & backups');
    const panel = options.locator('.export-panel');
    await panel.getByRole('button', { name: 'Export contacts (.vcf)' }).click();
    await panel.getByRole('status').filter({ hasText: '1 kept exactly as served' }).waitFor();
    await expect(panel.getByRole('button', { name: 'Export contacts (.vcf)' }).isEnabled()).resolves.toBe(true);
    await panel.getByRole('button', { name: 'See which' }).click();
    const row = panel.getByRole('table', { name: 'Items exports copy exactly as served or leave out' }).getByRole('row').filter({ hasText: 'Nested Calendar' });
    await row.waitFor();
    expect(await row.getByRole('cell').count()).toBe(3);
    expect(await seriousViolationsInBothSchemes(options)).toEqual([]);

    // The address the popup's line opens shows the same list at once.
    await options.goto(options.url().replace(/#.*$/, '#export-items'));
    await options.locator('#export-items').getByText('Nested Calendar').first().waitFor();
    await options.close();
  });
});
