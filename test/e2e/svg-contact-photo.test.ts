// A contact whose photo is an SVG with scripts in it, declared a JPEG: the card shows pixels,
// and the only address the page holds for them is a PNG's, so opening the picture in a tab
// (what "Open image in new tab" does) can never open the SVG as a page of the extension.
// A card whose photo is no known image says so. Real Chromium, real Radicale.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startRadicale, foldLine, type RadicaleServer } from '../harness';
import { launchExtensionBrowser, type ExtensionBrowser } from '../browser/extension-browser';
import { prepareExtensionCopy } from '../browser/extension-copy';
import { openOptions, openPopup, submitAccount, waitForMirror } from '../browser/extension-pages';

const SVG = [
  '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" onload="document.title=\'svg ran\'">',
  '<script>document.title = "svg ran"; localStorage.setItem("svg", "ran")</script>',
  '<rect width="64" height="64" fill="#c00"/></svg>',
].join('');
const card = (uid: string, name: string, photo: string) => ({
  name: `${uid}.vcf`,
  data: ['BEGIN:VCARD', 'VERSION:3.0', `UID:${uid}`, `FN:${name}`, `PHOTO;ENCODING=b;TYPE=JPEG:${photo}`, 'END:VCARD'].map(foldLine).join(''),
});
const CARDS = [card('svg-photo', 'Scalable Sam', Buffer.from(SVG).toString('base64')), card('odd-photo', 'Odd Olga', Buffer.from('not a picture at all').toString('base64'))];

let radicale: RadicaleServer;
let ext: ExtensionBrowser;
let options: Page;

beforeAll(async () => {
  radicale = await startRadicale({ seed: [{ name: 'contacts', kind: 'addressbook', displayName: 'Contacts', items: CARDS }] });
  ext = await launchExtensionBrowser({ extensionDir: prepareExtensionCopy('dist', ['http://127.0.0.1/*']) });
});

afterAll(async () => {
  await ext?.close();
  await radicale?.stop();
});

async function openCard(name: string): Promise<void> {
  await options.getByLabel('Search contacts by name, email or phone').fill(name.split(' ')[1]!.toLowerCase());
  await options.getByRole('list', { name: 'Contacts' }).getByRole('button').filter({ hasText: name }).click();
  await options.getByRole('heading', { name, level: 2 }).waitFor();
}

describe('an SVG contact photo', () => {
  it('is shown as a PNG drawn from it, and what a new tab would open is that PNG', async () => {
    options = await openOptions(ext);
    expect(await submitAccount(options, { serverUrl: radicale.url, username: radicale.username, password: radicale.password, label: 'Home' })).toMatch(/Account added/);
    const popup = await openPopup(ext);
    await waitForMirror(popup, CARDS.length);
    await popup.close();
    await options.getByRole('link', { name: 'Browse the copy' }).click();
    await openCard('Scalable Sam');

    const photo = options.getByRole('img', { name: 'Photo of Scalable Sam' });
    const src = await photo.getAttribute('src');
    expect(src).toMatch(/^blob:chrome-extension:/);
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(64);

    const [tab] = await Promise.all([ext.context.waitForEvent('page'), options.evaluate((url) => void window.open(url), src!)]);
    await tab.waitForLoadState();
    expect(await tab.evaluate(() => document.contentType)).toBe('image/png');
    await tab.close();
    expect(await options.title()).not.toBe('svg ran');
    expect(await options.evaluate(() => localStorage.getItem('svg'))).toBeNull();
  });

  it('says so when a card carries a picture that is no known image', async () => {
    await openCard('Odd Olga');
    await options.getByText('This card carries a picture in a form Lifeboat does not show.', { exact: false }).waitFor();
    expect(await options.getByRole('img', { name: 'Photo of Odd Olga' }).count()).toBe(0);
  });
});
