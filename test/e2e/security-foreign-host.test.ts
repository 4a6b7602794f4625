// The "foreign host" drill in a real Chromium: a DAV server on 127.0.0.1 (a hostile proxy in
// front of a real Radicale) points the extension at 127.0.0.2, which asks for Basic auth and
// records every request's headers. Three ways, one sync each, driven through the pages a person
// uses: it 307-redirects the calendar there, lists a contact href there, names a calendar home
// set there. The copy of the extension is granted both origins, so it is the extension's own
// code, not a missing host permission, that keeps the password at home. Each time: no
// Authorization header and no cookie reached the foreign host, the honest server's contacts are
// mirrored and counted in the popup, and the run log names the foreign host.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startRadicale, makeCard, makeCards, makeEvents, putItem, type RadicaleServer } from '../harness';
import { startHostileHost, type HostileHost, type RecordedRequest } from '../harness/hostile-host';
import { redirectTo, startHostileDav, type HostileDavServer } from '../harness/hostile-dav-server';
import { launchExtensionBrowser, type ExtensionBrowser } from '../browser/extension-browser';
import { prepareExtensionCopy } from '../browser/extension-copy';
import { openOptions, openPopup, showSection, submitAccount } from '../browser/extension-pages';
import { seriousViolationsInBothSchemes } from '../browser/axe-check';

const CARDS = makeCards(6);
const EVENTS = makeEvents(4);

let radicale: RadicaleServer;
let hostile: HostileDavServer;
let foreign: HostileHost;
let ext: ExtensionBrowser;
let options: Page;
let popup: Page;

const path = (url: string) => new URL(url).pathname;
const withheld = () => `The server pointed to ${foreign.host}; Lifeboat did not send your password there`;
/** What must never reach the foreign host: the account's password, or any cookie of the browser's. */
const leaked = (requests: RecordedRequest[]) => requests.filter((r) => r.headers.authorization !== undefined || r.headers.cookie !== undefined);

beforeAll(async () => {
  radicale = await startRadicale({
    seed: [
      { name: 'contacts', kind: 'addressbook', displayName: 'Family', items: CARDS },
      { name: 'calendar', kind: 'calendar', displayName: 'Work', items: EVENTS },
    ],
  });
  hostile = await startHostileDav({ upstream: radicale.url });
  foreign = await startHostileHost({ address: '127.0.0.2' });
  ext = await launchExtensionBrowser({ extensionDir: prepareExtensionCopy('dist', ['http://127.0.0.1/*', 'http://127.0.0.2/*']) });
  // A cookie the browser holds for the foreign host, as a session there would leave: a request
  // made with the browser's credentials would carry it, so "no cookie arrived" can fail.
  await ext.context.addCookies([{ name: 'session', value: 'browser-session', domain: '127.0.0.2', path: '/' }]);
}, 120_000);
afterAll(async () => {
  await ext?.close();
  await Promise.all([hostile?.stop(), foreign?.stop(), radicale?.stop()]);
});

/** Clicks "Sync now" in the popup and waits until the run's row appears in the options page's run log. */
async function syncFromPopup(runsBefore: number): Promise<void> {
  await popup.getByRole('button', { name: 'Sync now' }).click();
  await options.locator('#run-log tbody tr').nth(runsBefore).waitFor({ timeout: 60_000 });
  await popup.waitForFunction(() => document.querySelector('.status-syncing') === null, undefined, { timeout: 60_000 });
}

/** The newest run's row in the run log (the log lists the newest first). */
const newestRun = () => options.locator('#run-log tbody tr').first();

describe('a hostile DAV server that points at a foreign host, in Chromium', () => {
  it('redirects the calendar to a foreign host asking for Basic: no password there, contacts counted, host named', async () => {
    hostile.intercept = (req) => (req.url?.startsWith(path(radicale.calendarUrl)) ? redirectTo(foreign.url, req.url) : 'forward');
    options = await openOptions(ext);
    const message = await submitAccount(options, { serverUrl: hostile.url, username: radicale.username, password: radicale.password });
    console.log(`add-account message: ${message}`);
    popup = await openPopup(ext);
    await popup.getByTestId('contact-count').filter({ hasText: `Contacts: ${CARDS.length}` }).first().waitFor({ timeout: 60_000 });
    await showSection(options, 'Activity');
    await options.locator('#run-log tbody tr').first().waitFor({ timeout: 60_000 });

    // Chromium followed the 307 (the code asks it to, http/send.ts) and met the 401: neither
    // the request nor any answer to the challenge carried the password.
    expect(foreign.requests.length).toBeGreaterThan(0);
    expect(leaked(foreign.requests)).toEqual([]);
    await newestRun().getByText(withheld()).waitFor();
    const status = (await popup.locator('.status').first().textContent()) ?? '';
    console.log(`popup status after the redirect: ${status}`);
    // The popup says a calendar was not copied, and why, naming the host.
    expect(status).toContain('1 address book or calendar the last sync could not copy');
    expect(await popup.locator('.status-why').first().textContent()).toBe(`Work: ${withheld()}`);
    expect(await seriousViolationsInBothSchemes(popup)).toEqual([]);
    expect(await seriousViolationsInBothSchemes(options)).toEqual([]);
  });

  it('lists a contact whose href is on the foreign host: never fetched there, the others kept, host named', async () => {
    foreign.requests.length = 0;
    const evil = `${foreign.url}lifeboat/contacts/steal.vcf`;
    const extra = (prefix: string) =>
      `<${prefix}response><${prefix}href>${evil}</${prefix}href><${prefix}propstat><${prefix}prop><${prefix}getetag>"evil"</${prefix}getetag>` +
      `<${prefix}getcontenttype>text/vcard</${prefix}getcontenttype></${prefix}prop><${prefix}status>HTTP/1.1 200 OK</${prefix}status></${prefix}propstat></${prefix}response>`;
    // A new card upstream, so that the address book's sync token moves and it is listed again.
    await putItem(new URL('card-new.vcf', radicale.addressBookUrl).href, makeCard(99).data, radicale);
    hostile.intercept = (req, body) =>
      req.url === path(radicale.addressBookUrl) && !body.includes('multiget') && (req.method === 'PROPFIND' ? req.headers.depth === '1' : req.method === 'REPORT')
        ? { rewrite: (xml) => xml.replace(/<\/(\w+:)?multistatus>\s*$/, (end, prefix: string | undefined) => `${extra(prefix ?? '')}${end}`) }
        : 'forward';
    await syncFromPopup(await options.locator('#run-log tbody tr').count());

    expect(leaked(foreign.requests)).toEqual([]);
    expect(foreign.requests.map((r) => r.path)).not.toContain('/lifeboat/contacts/steal.vcf');
    await newestRun().getByText(withheld()).waitFor();
    await popup.getByTestId('contact-count').filter({ hasText: `Contacts: ${CARDS.length + 1}` }).first().waitFor();
  });

  // An account remembers where its collections are (providers/dav/dav-source.ts `discovery`), so
  // a home set is read when an account is added: a second account, added while the server
  // names a calendar home set on the foreign host. Adding only the contacts would drop the
  // calendars for good without a word: the form refuses and says where the server pointed.
  it('names a calendar home set on the foreign host when an account is added: nothing sent there, the form says so', async () => {
    foreign.requests.length = 0;
    hostile.intercept = (req, body) =>
      req.method === 'PROPFIND' && body.includes('calendar-home-set')
        ? { rewrite: (xml) => xml.replace(/(calendar-home-set[^>]*>\s*<(?:\w+:)?href>)[^<]*/g, `$1${foreign.url}lifeboat/`) }
        : 'forward';
    await showSection(options, 'Accounts');
    const message = await submitAccount(options, { serverUrl: hostile.url, username: radicale.username, password: radicale.password, label: 'Second' });
    console.log(`add-account message with a foreign home set: ${message}`);

    expect(message).toContain(withheld());
    expect(foreign.requests).toEqual([]);
    expect(await options.locator('.account', { hasText: 'Second' }).count()).toBe(0);
    expect(await seriousViolationsInBothSchemes(options)).toEqual([]);
    await showSection(options, 'Activity');
  });

  // A remembered home that answers 404 is discovered again (the account moved): this time the
  // server names its principal on the foreign host. The run fails as a whole (a service that
  // cannot be listed must never read as emptied), the mirror stays, the popup names the host.
  it('moves the calendar home and names a principal on the foreign host: nothing sent there, the popup names the host', async () => {
    foreign.requests.length = 0;
    const home = new URL('..', radicale.calendarUrl).pathname;
    // The first listing of the home (one PROPFIND for both kinds, which share it here) answers
    // 404, so both are discovered again; the address books find their home as before, the
    // calendars are pointed at the foreign principal.
    let homeRefused = false;
    hostile.intercept = (req, body) => {
      if (req.method !== 'PROPFIND') return 'forward';
      if (req.url === home && req.headers.depth === '1' && !homeRefused) {
        homeRefused = true;
        return (_req, res) => void res.writeHead(404, { 'Content-Length': '0' }).end();
      }
      if (body.includes('current-user-principal') && body.includes('calendar-home-set')) {
        return {
          rewrite: (xml) =>
            xml
              .replace(/(current-user-principal[^>]*>\s*<(?:\w+:)?href>)[^<]*/g, `$1${foreign.url}principal/`)
              .replace(/<[^<>]*calendar-home-set[\s\S]*?\/[^<>]*calendar-home-set>/g, ''),
        };
      }
      return 'forward';
    };
    await syncFromPopup(await options.locator('#run-log tbody tr').count());

    expect(leaked(foreign.requests)).toEqual([]);
    expect(foreign.requests).toEqual([]);
    await newestRun().getByText(withheld()).waitFor();
    await popup.getByTestId('contact-count').filter({ hasText: `Contacts: ${CARDS.length + 1}` }).first().waitFor();
    const status = popup.locator('.status').first();
    await status.filter({ hasText: foreign.host }).waitFor();
    console.log(`popup status after the foreign principal: ${await status.textContent()}`);
    expect(await seriousViolationsInBothSchemes(popup)).toEqual([]);
  });
});
