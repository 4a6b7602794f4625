// The first run, as a person takes it, in real Chromium against a real Radicale: the popup with
// no account invites (and does not warn), its one button opens the step-by-step setup, the
// providers are tiles on one screen, "Another server" asks only for its fields, checks them in
// plain words, adds the account, and shows the first copy to "done" with its counts. Then each
// section of the options page is reached by its address. Every new screen passes axe-core in
// light and dark; the README's first-run pictures are written here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startRadicale, makeCards, makeEvents, type RadicaleServer } from '../harness';
import { launchExtensionBrowser, type ExtensionBrowser } from '../browser/extension-browser';
import { prepareExtensionCopy } from '../browser/extension-copy';
import { OPTIONS, openPopup } from '../browser/extension-pages';
import { seriousViolationsInBothSchemes } from '../browser/axe-check';

const CARDS = makeCards(12);
const EVENTS = makeEvents(5);
const SCREENSHOTS = 'docs/images';
const TILES = ['iCloud', 'Google', 'Microsoft', 'Fastmail', 'Nextcloud', 'Yahoo', 'Another server'];
/** The bound: the first run's options page fits well within two screens. */
const FIRST_RUN_MAX_HEIGHT = 1800;
/** One screen at 1280×900: each setup step is meant to need no scrolling. */
const ONE_SCREEN = 900;
const pageHeight = (page: Page) => page.evaluate(() => document.documentElement.scrollHeight);

let radicale: RadicaleServer;
let ext: ExtensionBrowser;

beforeAll(async () => {
  radicale = await startRadicale({
    seed: [
      { name: 'contacts', kind: 'addressbook', displayName: 'Contacts', items: CARDS },
      { name: 'calendar', kind: 'calendar', displayName: 'Calendar', items: EVENTS },
    ],
  });
  ext = await launchExtensionBrowser({ extensionDir: prepareExtensionCopy('dist', ['http://127.0.0.1/*']) });
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await ext?.close();
  await radicale?.stop();
});

async function screenshots(page: Page, name: string, fullPage = false): Promise<void> {
  for (const [scheme, suffix] of [['light', ''], ['dark', '-dark']] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: join(SCREENSHOTS, `${name}${suffix}.png`), fullPage });
  }
  await page.emulateMedia({ colorScheme: null });
}

describe('first run in Chromium', () => {
  let setup: Page;

  it('the popup with no account invites with one button and warns of nothing', async () => {
    const popup = await openPopup(ext);
    await popup.getByText('Nothing is being kept safe yet').waitFor();
    expect(await popup.locator('button.primary').count()).toBe(1);
    expect(await popup.locator('.warnings').count()).toBe(0);
    expect(await seriousViolationsInBothSchemes(popup)).toEqual([]);
    await screenshots(popup, 'first-run-popup');
    [setup] = await Promise.all([ext.context.waitForEvent('page'), popup.getByRole('button', { name: 'Set up Lifeboat' }).click()]);
    await popup.close();
  });

  it('opens the setup: every provider a visible tile, the page within one screen', async () => {
    await setup.setViewportSize({ width: 1280, height: 900 });
    await setup.getByRole('heading', { name: 'Where are your contacts and calendars?' }).waitFor();
    expect(setup.url()).toMatch(/#setup$/);
    for (const name of TILES) expect(await setup.getByRole('button', { name: new RegExp(`^${name}`) }).isVisible()).toBe(true);
    await setup.getByRole('list', { name: 'Setup steps' }).waitFor();
    expect(await pageHeight(setup)).toBeLessThanOrEqual(FIRST_RUN_MAX_HEIGHT);
    expect(await pageHeight(setup)).toBeLessThanOrEqual(ONE_SCREEN);
    expect(await seriousViolationsInBothSchemes(setup)).toEqual([]);
    await screenshots(setup, 'first-run-providers');
  });

  it('an options page opened with no address lands on the setup while there is no account', async () => {
    const page = await ext.openPage(OPTIONS, { width: 1280, height: 900 });
    await page.getByRole('heading', { name: 'Where are your contacts and calendars?' }).waitFor();
    expect(await pageHeight(page)).toBeLessThanOrEqual(FIRST_RUN_MAX_HEIGHT);
    // The tasks stay reachable on the first run: a navigation of every section.
    const nav = page.getByRole('navigation');
    expect(await nav.getByRole('link').count()).toBeGreaterThanOrEqual(4);
    await page.close();
  });

  it('iCloud offers the icloud.com sign-in first and the app password beside it; the app password asks for the user name and password only, and says where to make one', async () => {
    await setup.getByRole('button', { name: 'iCloud' }).click();
    await setup.getByRole('heading', { name: 'Sign in to iCloud' }).waitFor();
    const routes = setup.locator('.icloud-routes button');
    expect(await routes.allTextContents()).toEqual(['Use my icloud.com sign-in (contacts, calendars and photos, no password)', 'Use an app password (exact CardDAV/CalDAV copy)']);
    await setup.getByText('Your icloud.com sign-in also copies your photos and needs no password').waitFor();
    await setup.getByRole('button', { name: 'Use an app password (exact CardDAV/CalDAV copy)' }).click();
    // The preset knows the server: no address to type.
    expect(await setup.getByLabel('Server address', { exact: true }).count()).toBe(0);
    await setup.getByLabel('User name').waitFor();
    await setup.getByLabel('Password or app password').waitFor();
    expect(await setup.getByRole('link', { name: 'account.apple.com' }).getAttribute('href')).toBe('https://account.apple.com');
    expect(await seriousViolationsInBothSchemes(setup)).toEqual([]);
    await setup.getByRole('button', { name: 'Choose another service' }).click();
  });

  it('Google goes to its own sign-in button, and nothing else', async () => {
    await setup.getByRole('button', { name: 'Google' }).click();
    await setup.getByRole('button', { name: 'Sign in with Google' }).waitFor();
    expect(await setup.getByRole('button', { name: 'Sign in with Microsoft' }).count()).toBe(0);
    expect(await setup.locator('form.add-account').count()).toBe(0);
    await setup.getByRole('button', { name: 'Choose another service' }).click();
  });

  it('"Another server" asks only for its fields, checks them in plain words, and adds the account', async () => {
    await setup.getByRole('button', { name: 'Another server' }).click();
    await setup.getByRole('heading', { name: 'Your server’s address and sign-in' }).waitFor();
    // The full form's provider drop-down and second server field are not part of the setup.
    expect(await setup.getByLabel('Provider').count()).toBe(0);
    const form = setup.locator('form.add-account');
    await form.getByLabel('Server address', { exact: true }).fill(radicale.url);
    await form.getByLabel('User name').fill(radicale.username);
    await form.getByLabel('Password or app password').fill('wrong');
    await form.getByRole('button', { name: 'Test connection' }).click();
    await form.locator('.message').filter({ hasText: /refused the username or password/i }).waitFor({ timeout: 30_000 });
    expect(await pageHeight(setup)).toBeLessThanOrEqual(ONE_SCREEN);
    expect(await seriousViolationsInBothSchemes(setup)).toEqual([]);
    await form.getByLabel('Password or app password').fill(radicale.password);
    await form.getByRole('button', { name: 'Add account' }).click();
  });

  it('shows the first copy to "done" with its counts, the collections to choose, and photos as a next step', async () => {
    await setup.getByRole('heading', { name: /Your data is being copied|Done: your copy is ready/ }).waitFor({ timeout: 30_000 });
    await setup.getByRole('heading', { name: 'Done: your copy is ready' }).waitFor({ timeout: 60_000 });
    await setup.getByTestId('contact-count').filter({ hasText: `Contacts: ${CARDS.length}` }).waitFor();
    await setup.getByTestId('event-count').filter({ hasText: `Events: ${EVENTS.length}` }).waitFor();
    await setup.getByRole('checkbox', { name: /Contacts/ }).waitFor();
    await setup.getByRole('link', { name: 'Keep a copy of your photos too' }).waitFor();
    expect(await seriousViolationsInBothSchemes(setup)).toEqual([]);
    await screenshots(setup, 'first-run-progress');
  });

  it('reaches each section of the options page by its address, one at a time', async () => {
    const sections: Array<[string, string]> = [
      ['accounts', 'Accounts'],
      ['photos', 'Photos'],
      ['backups', 'Export & backups'],
      ['restore', 'Restore'],
      ['safety', 'Schedule & safety'],
      ['activity', 'Activity'],
    ];
    const page = await ext.openPage(`${OPTIONS}#accounts`, { width: 1280, height: 900 });
    const nav = page.getByRole('navigation');
    expect(await nav.getByRole('link').count()).toBeGreaterThanOrEqual(4);
    for (const [fragment, link] of sections) {
      await nav.getByRole('link', { name: link, exact: true }).click();
      expect(page.url()).toMatch(new RegExp(`#${fragment}$`));
      await nav.locator(`a[aria-current="page"][href="#${fragment}"]`).waitFor();
      expect(await seriousViolationsInBothSchemes(page), fragment).toEqual([]);
    }
    // The account is listed under Accounts, and no other section's forms are.
    await page.goto(page.url().replace(/#.*$/, '#accounts'));
    await page.getByRole('heading', { name: 'Add an account' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Restore' }).count()).toBe(0);
    expect(await seriousViolationsInBothSchemes(page)).toEqual([]);
    await page.close();
  });
});
