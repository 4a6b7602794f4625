// iCloud through the icloud.com sign-in in Firefox ESR: whether the session's cookies (set in the
// browser for 127.0.0.1, as signing in at icloud.com leaves them for icloud.com) reach the
// extension's own `credentials: 'include'` requests from its event page, and whether the
// declarativeNetRequest rule sets icloud.com's Origin on them, as in Chromium. Firefox's Total
// Cookie Protection partitions cookies by the top-level site; an extension's background page is
// its own top level. Found: Firefox ESR sends them (cookies set by a page of the host, in the
// host's own first-party jar) and applies the rule, so the tile needs no Firefox note.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIcloudWebServer, type IcloudWebServer } from '../harness/icloud/icloud-web-server';
import { seedSampleAccount } from '../harness/icloud/sample-account';
import { launchFirefoxExtension, type FirefoxExtension } from '../browser/firefox-browser';
import { prepareExtensionCopy } from '../browser/extension-copy';
import { clickButton, waitForText } from '../browser/firefox-pages';
import { OPTIONS } from '../browser/extension-pages';

let icloud: IcloudWebServer;
let ext: FirefoxExtension;

beforeAll(async () => {
  icloud = await startIcloudWebServer();
  seedSampleAccount(icloud, { contacts: 12, events: 3, photos: 6 });
  ext = await launchFirefoxExtension({ extensionDir: prepareExtensionCopy('dist-firefox', ['http://127.0.0.1/*', 'https://*.icloud.com/*', 'https://*.icloud-content.com/*']) });
});

afterAll(async () => {
  await ext?.close();
  await icloud?.stop();
});

describe('iCloud through the icloud.com sign-in, in Firefox', () => {
  it('reaches the reproduction with the browser’s cookies and icloud.com’s Origin from the event page', async () => {
    // Signing in at "icloud.com": the cookies set by a page of the service's own host.
    const site = await ext.browser.newPage();
    await site.goto(`${icloud.setupUrl}/`);
    for (const { name, value } of icloud.signIn()) await site.evaluate((cookie: string) => void (document.cookie = cookie), `${name}=${value}; path=/`);
    await site.close();

    // Where "iCloud" is, for this test: the advanced iCloud setting, set before the page reads it.
    const first = await ext.openPage(`${OPTIONS}#accounts`);
    await first.evaluate((setupUrl: string) => browser.storage.local.set({ 'icloud-settings': { setupUrl } }), icloud.setupUrl);
    await first.close();
    const options = await ext.openPage(`${OPTIONS}#setup`);
    await clickButton(options, 'iCloud');
    await clickButton(options, 'Use my icloud.com sign-in (contacts, calendars and photos, no password)');
    await options.locator('form.add-icloud-session button[type=submit]').click();
    await options.waitForSelector('section.setup-copy', { timeout: 60_000 });
    await waitForText(options, 'section.setup-copy [data-testid=contact-count]', 'Contacts: 12', 120_000);
    // The page's own visit kept its own Origin and was refused; none of the extension's requests was.
    expect(icloud.log.filter((l) => l.startsWith('403'))).toEqual(['403 setup /', '403 setup /favicon.ico']);
    await options.close();
    // The photos too: 6 assets, 2 of them edited and 1 a Live Photo, are 9 files.
    const accounts = await ext.openPage(`${OPTIONS}#accounts`);
    await waitForText(accounts, '[data-testid=photo-count]', 'Photos: 9', 120_000);
    expect(icloud.log.filter((l) => l.startsWith('403'))).toHaveLength(2);
    await accounts.close();
  });
});
