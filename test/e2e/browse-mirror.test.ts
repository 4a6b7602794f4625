// Browsing the copy as a person would, in real Chromium against a real Radicale: add the
// account, find a contact by name, email and phone, see a change upstream in its history with
// a readable diff, restore the older text, export it; the calendar, tasks and the deleted-item
// filter; axe-core finds no serious or critical problem on any page, light or dark.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startRadicale, makeCards, makeEvents, putItem, deleteItem, foldLine, type RadicaleServer } from '../harness';
import { launchExtensionBrowser, type ExtensionBrowser } from '../browser/extension-browser';
import { prepareExtensionCopy } from '../browser/extension-copy';
import { openOptions, openPopup, showSection, submitAccount, waitForMirror } from '../browser/extension-pages';
import { seriousViolationsInBothSchemes } from '../browser/axe-check';
import { waitForFile } from '../browser/wait-for-file';
import { exportFileName } from '../../src/exporters/file-names';

const SCREENSHOTS = 'docs/images';
const PHOTO = readFileSync('public/icons/icon-128.png').toString('base64');
const PHOTO_CARD = {
  name: 'card-photo.vcf',
  data: ['BEGIN:VCARD', 'VERSION:3.0', 'UID:lifeboat-photo', 'EMAIL;TYPE=INTERNET:marin@example.org', 'FN:Marin Lifeboat', 'N:Lifeboat;Marin;;;', 'ORG:Harbour Rescue', `PHOTO;ENCODING=b;TYPE=PNG:${PHOTO}`, 'TEL;TYPE=CELL:+44 20 7946 0958', 'END:VCARD'].map(foldLine).join(''),
};
const TASK = {
  name: 'task-0001.ics',
  data: ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Lifeboat//Test//EN', 'BEGIN:VTODO', 'UID:lifeboat-task-0001', 'DTSTAMP:20250101T000000Z', 'DUE:20250320T170000Z', 'SUMMARY:Renew the boat licence', 'STATUS:NEEDS-ACTION', 'END:VTODO', 'END:VCALENDAR'].map(foldLine).join(''),
};
const CARDS = [...makeCards(30), PHOTO_CARD];
const EVENTS = makeEvents(12);

let radicale: RadicaleServer;
let ext: ExtensionBrowser;
let options: Page;

beforeAll(async () => {
  radicale = await startRadicale({
    seed: [
      { name: 'contacts', kind: 'addressbook', displayName: 'Contacts', items: CARDS },
      { name: 'calendar', kind: 'calendar', displayName: 'Calendar', items: [...EVENTS, TASK] },
    ],
  });
  ext = await launchExtensionBrowser({ extensionDir: prepareExtensionCopy('dist', ['http://127.0.0.1/*']) });
});

afterAll(async () => {
  await ext?.close();
  await radicale?.stop();
});

const auth = () => ({ username: radicale.username, password: radicale.password });
const browseTo = async (view: string) => {
  await options.getByRole('navigation', { name: 'What to browse' }).getByRole('link', { name: view, exact: true }).click();
};
const expectAccessible = async (page: Page) => expect(await seriousViolationsInBothSchemes(page)).toEqual([]);

async function syncNow(): Promise<void> {
  const popup = await openPopup(ext);
  await popup.getByRole('button', { name: 'Sync now' }).click();
  await popup.getByRole('button', { name: 'Sync now' }).waitFor();
  await popup.close();
}

describe('browsing the copy in Chromium', () => {
  it('mirrors the account, and every page passes axe-core in light and dark', async () => {
    options = await openOptions(ext);
    expect(await submitAccount(options, { serverUrl: radicale.url, username: radicale.username, password: radicale.password, label: 'Home' })).toMatch(/Account added/);
    const popup = await openPopup(ext);
    await waitForMirror(popup, CARDS.length);
    await popup.getByTestId('task-count').filter({ hasText: 'Tasks: 1' }).waitFor();
    await expectAccessible(popup);
    await popup.close();
    await expectAccessible(options);
    await showSection(options, 'Schedule & safety');
    await options.getByTestId('storage-used').filter({ hasText: /copy uses .+ of the .+ this browser allows/ }).waitFor();
    await expectAccessible(options);
  });

  it('finds a contact by name, email or phone, and shows its card with the photo it carries', async () => {
    await options.getByRole('link', { name: 'Browse the copy' }).click();
    await options.getByRole('heading', { name: 'Browse the copy' }).waitFor();
    const search = options.getByLabel('Search contacts by name, email or phone');
    const results = options.getByRole('list', { name: 'Contacts' }).getByRole('button');
    for (const query of ['zoe 0007', 'person0007@', '555 0007']) {
      await search.fill(query);
      // The list shows what the last search found: wait until it is this query's answer.
      await expect.poll(() => results.count()).toBe(1);
      await results.filter({ hasText: 'person0007@example.org' }).waitFor();
    }
    // What a search found exports as a selection, and only that.
    await options.getByRole('button', { name: 'Export the contacts found (.vcf)' }).click();
    await options.locator('.export-selection .message').filter({ hasText: /^Saved/ }).waitFor();
    const selection = readFileSync(await waitForFile(ext.downloadsDir, exportFileName('contacts', new Date(), 'vcf', { label: 'selection' })), 'utf8');
    expect(selection.match(/^BEGIN:VCARD/gm)).toHaveLength(1);
    expect(selection).toContain('UID:lifeboat-card-0007');
    await search.fill('harbour');
    await options.getByText('No contact matches “harbour”.').waitFor();
    await search.fill('marin');
    await results.filter({ hasText: 'Marin Lifeboat' }).click();
    await options.getByRole('heading', { name: 'Marin Lifeboat', level: 2 }).waitFor();
    const photo = options.getByRole('img', { name: 'Photo of Marin Lifeboat' });
    expect(await photo.getAttribute('src')).toMatch(/^blob:chrome-extension:/);
    await options.getByText('Harbour Rescue').waitFor();
    await options.screenshot({ path: join(SCREENSHOTS, 'options-browse.png') });
    await expectAccessible(options);
  });

  it('shows an upstream change in the history as a diff, and restores the older text', async () => {
    await options.getByLabel('Search contacts by name, email or phone').fill('0007');
    await options.getByRole('list', { name: 'Contacts' }).getByRole('button').first().click();
    const original = CARDS[6]!;
    await putItem(`${radicale.addressBookUrl}${original.name}`, original.data.replace('FN:Zoë Ærøskøbing 0007', 'FN:Zoë Renamed 0007'), auth());
    await syncNow();

    await options.getByRole('heading', { name: 'Zoë Renamed 0007', level: 2 }).waitFor();
    const diff = options.getByRole('list', { name: 'Changes from the version before' });
    await diff.locator('.diff-removed').filter({ hasText: 'FN:Zoë Ærøskøbing 0007' }).waitFor();
    await diff.locator('.diff-added').filter({ hasText: 'FN:Zoë Renamed 0007' }).waitFor();
    expect(await diff.locator('.diff-added').textContent()).toMatch(/^\+Added: FN:Zoë Renamed 0007$/);
    await options.screenshot({ path: join(SCREENSHOTS, 'contact-history.png'), fullPage: true });
    await expectAccessible(options);

    await options.getByRole('button', { name: 'Restore this version' }).click();
    await options.getByRole('status').filter({ hasText: 'Restored in Lifeboat’s copy' }).waitFor();
    await options.getByRole('heading', { name: 'Zoë Ærøskøbing 0007', level: 2 }).waitFor();
    await options.getByText(/^Restored from an earlier version on /).waitFor();
    // Nothing lost: the replaced text is in the history too (current, renamed, first).
    expect(await options.locator('.history-entry').count()).toBe(3);

    const popup = await openPopup(ext);
    await popup.getByRole('button', { name: 'Export contacts (.vcf)' }).click();
    await popup.getByRole('status').filter({ hasText: /Saved/ }).waitFor();
    const exported = readFileSync(await waitForFile(ext.downloadsDir, exportFileName('contacts', new Date(), 'vcf')), 'utf8');
    expect(exported).toContain('FN:Zoë Ærøskøbing 0007');
    expect(exported).not.toContain('Renamed');
    await popup.close();
  });

  it('marks a contact deleted upstream, and hides it on request', async () => {
    await deleteItem(`${radicale.addressBookUrl}${CARDS[2]!.name}`, auth());
    await syncNow();
    const search = options.getByLabel('Search contacts by name, email or phone');
    await search.fill('person0003@');
    const row = options.getByRole('list', { name: 'Contacts' }).getByRole('button').filter({ hasText: 'deleted upstream' });
    await row.waitFor();
    await row.click();
    await options.getByText(/^Deleted upstream on .+; kept here$/).waitFor();
    await options.getByLabel('Show items deleted upstream').uncheck();
    await options.getByText('No contact matches “person0003@”.').waitFor();
    await options.getByLabel('Show items deleted upstream').check();
  });

  it('shows the calendar as an agenda and a month, and the tasks', async () => {
    await browseTo('Agenda');
    await options.getByRole('button', { name: 'Past' }).click();
    const events = options.getByRole('list', { name: 'Events' }).getByRole('button');
    await events.filter({ hasText: 'Réunion 0012' }).waitFor();
    expect(await events.count()).toBe(EVENTS.length);
    await expectAccessible(options);

    await browseTo('Month');
    await options.getByLabel('Month', { exact: true }).fill('2025-03');
    await options.getByRole('table').getByRole('button', { name: /Réunion 0005/ }).click();
    await options.getByRole('heading', { name: /Réunion 0005/, level: 2 }).waitFor();
    expect(await options.getByRole('table').getByRole('button').count()).toBe(EVENTS.length);
    await expectAccessible(options);

    await browseTo('Tasks');
    await options.getByRole('list', { name: 'Tasks' }).getByRole('button', { name: /Renew the boat licence/ }).click();
    await options.getByText('NEEDS-ACTION').waitFor();
    await expectAccessible(options);

    await browseTo('Photos');
    await options.getByText('No photo library is mirrored yet.').waitFor();
    await expectAccessible(options);
  });
});
