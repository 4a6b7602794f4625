// The downgrade drill in a real Chromium: an https DAV server (a proxy in front of Radicale,
// with a certificate made at test time) 307-redirects the calendar collection to plain http,
// where a host asks for Basic and records every request. The password must not follow, the
// answer that travelled in clear must not be used, the contacts from the https side are
// mirrored, and the run log and the popup name the http host. This launch alone accepts the self-signed
// certificate (--ignore-certificate-errors): nothing else in the suite should.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRadicale, makeCards, makeEvents, type RadicaleServer } from '../harness';
import { startHostileHost, type HostileHost } from '../harness/hostile-host';
import { redirectTo } from '../harness/hostile-dav-server';
import { forward, send } from '../harness/proxy-forward';
import { selfSignedCertificate } from '../harness/hostile-tls';
import { launchExtensionBrowser, type ExtensionBrowser } from '../browser/extension-browser';
import { prepareExtensionCopy } from '../browser/extension-copy';
import { openOptions, openPopup, showSection, submitAccount } from '../browser/extension-pages';

const CARDS = makeCards(5);
let radicale: RadicaleServer;
let secure: HostileHost;
let plain: HostileHost;
let ext: ExtensionBrowser;

beforeAll(async () => {
  radicale = await startRadicale({
    seed: [
      { name: 'contacts', kind: 'addressbook', displayName: 'Family', items: CARDS },
      { name: 'calendar', kind: 'calendar', displayName: 'Work', items: makeEvents(3) },
    ],
  });
  plain = await startHostileHost({ address: '127.0.0.1' });
  secure = await startHostileHost({ address: '127.0.0.1', tls: await selfSignedCertificate() });
  const upstream = new URL(radicale.url);
  const calendarPath = new URL(radicale.calendarUrl).pathname;
  secure.handle(async (req, res, body) => {
    if (req.url?.startsWith(calendarPath)) return redirectTo(plain.url, req.url)(req, res, body);
    delete req.headers['accept-encoding'];
    send(res, await forward(upstream, req, body));
  });
  ext = await launchExtensionBrowser({
    extensionDir: prepareExtensionCopy('dist', ['https://127.0.0.1/*', 'http://127.0.0.1/*']),
    extraArgs: ['--ignore-certificate-errors'],
  });
}, 120_000);
afterAll(async () => {
  await ext?.close();
  await Promise.all([secure?.stop(), plain?.stop(), radicale?.stop()]);
});

describe('an https server that sends the calendar to plain http, in Chromium', () => {
  it('sends no password over http, uses nothing from there, keeps the contacts, and names the http host', async () => {
    const options = await openOptions(ext);
    const message = await submitAccount(options, { serverUrl: secure.url, username: radicale.username, password: radicale.password });
    console.log(`add-account message: ${message}`);
    const popup = await openPopup(ext);
    await popup.getByTestId('contact-count').filter({ hasText: `Contacts: ${CARDS.length}` }).first().waitFor({ timeout: 60_000 });
    await showSection(options, 'Activity');
    const run = options.locator('#run-log tbody tr').first();
    await run.getByText(`The server sent Lifeboat from https to unencrypted http at ${plain.host}; Lifeboat did not use that answer`).waitFor({ timeout: 60_000 });

    // The popup says so too, under the status line.
    await popup.locator('.status-why').filter({ hasText: `unencrypted http at ${plain.host}` }).waitFor();
    expect(secure.requests.length).toBeGreaterThan(0);
    expect(plain.requests.length).toBeGreaterThan(0);
    expect(plain.requests.filter((r) => r.headers.authorization !== undefined || r.headers.cookie !== undefined)).toEqual([]);
    // Nothing from the http answer became part of the copy: no event, no calendar.
    expect(await popup.getByText(/Events: [1-9]/).count()).toBe(0);
  });
});
