// "Sign in with Google" in real Chromium, through the browser's identity API (launchWebAuthFlow
// to https://<extension-id>.chromiumapp.org/), against the test authorization server and
// Google's DAV rules in front of a real Radicale. Then the sign-in expires for good: the popup
// says so, with one click to sign in again, and the mirrored data stays throughout. Last,
// labelled contacts imported from a file are restored into the Google account: the restore
// panel says that Google keeps no labels, and how many contacts arrive without theirs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRadicale, makeCard, makeCards, makeEvents, type RadicaleServer } from '../harness';
import { startOAuthServer, type OAuthTestServer } from '../harness/oauth-server';
import { startGoogleDavProxy, type GoogleDavProxy } from '../harness/google-dav-proxy';
import { launchExtensionBrowser, type ExtensionBrowser } from '../browser/extension-browser';
import { prepareExtensionCopy } from '../browser/extension-copy';
import { openOptions, openPopup, saveClientId, showSection, signInWith, waitForMirror } from '../browser/extension-pages';
import { seriousViolationsInBothSchemes } from '../browser/axe-check';
import { providerWith } from '../../src/auth/oauth-providers';
import { GOOGLE_OAUTH } from '../../src/providers/google/oauth';

const CARDS = makeCards(12);
const EVENTS = makeEvents(3);
const CLIENT_ID = 'lifeboat-e2e.apps.example.com';
let radicale: RadicaleServer;
let oauth: OAuthTestServer;
let proxy: GoogleDavProxy;
let ext: ExtensionBrowser;

beforeAll(async () => {
  radicale = await startRadicale({ seed: [
    { name: 'contacts', kind: 'addressbook', displayName: 'Contacts', items: CARDS },
    { name: 'calendar', kind: 'calendar', displayName: 'Calendar', items: EVENTS },
  ] });
  ext = await launchExtensionBrowser({ extensionDir: prepareExtensionCopy('dist', ['http://127.0.0.1/*']) });
  oauth = await startOAuthServer({ clientId: CLIENT_ID, redirectUris: [`https://${ext.extensionId}.chromiumapp.org/`], scopes: providerWith(GOOGLE_OAUTH).scopes });
  proxy = await startGoogleDavProxy(radicale, (token) => oauth.isValidAccessToken(token));
  // Where "Google" is, for this test: the endpoints part of the advanced provider settings.
  const worker = await ext.serviceWorker();
  const endpoints = { authorizeUrl: oauth.authorizeUrl, tokenUrl: oauth.tokenUrl, endpoints: { addressbook: proxy.carddavUrl, calendar: proxy.caldavUrl } };
  await worker.evaluate((google) => chrome.storage.local.set({ 'oauth-settings': { google } }), endpoints);
});

afterAll(async () => {
  await ext?.close();
  await proxy?.stop();
  await oauth?.stop();
  await radicale?.stop();
});

describe('Sign in with Google in Chromium', () => {
  it('signs in with the client ID entered in Options and mirrors the account', async () => {
    const options = await openOptions(ext);
    await saveClientId(options, 'Google', CLIENT_ID);
    expect(await seriousViolationsInBothSchemes(options)).toEqual([]);
    await signInWith(options, 'Google');
    expect(oauth.log).toContain('token: authorization_code');
    const popup = await openPopup(ext);
    await waitForMirror(popup, CARDS.length);
    await popup.close();
    await options.close();
  });

  it('shows an expired sign-in in the popup, keeps the data, and signs in again with one click', async () => {
    oauth.expireAccessTokens();
    oauth.revokeRefreshTokens();
    oauth.signedIn = false;
    const popup = await openPopup(ext);
    await popup.getByRole('button', { name: 'Sync now' }).click();
    const warning = popup.locator('.warning').filter({ hasText: 'the sign-in has expired' });
    await warning.waitFor({ timeout: 30_000 });
    await popup.getByTestId('contact-count').filter({ hasText: `Contacts: ${CARDS.length}` }).waitFor();
    expect(await seriousViolationsInBothSchemes(popup)).toEqual([]);

    oauth.signedIn = true;
    await warning.getByRole('button', { name: 'Sign in again' }).click();
    await warning.waitFor({ state: 'detached', timeout: 30_000 });
    await waitForMirror(popup, CARDS.length);
    await popup.close();
  });

  it('restores labelled contacts into Google, and says that Google keeps no labels', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'lifeboat-labels-'));
    const file = join(folder, 'labelled-contacts.vcf');
    writeFileSync(file, [makeCard(301, 0, ['CATEGORIES:Family']), makeCard(302, 0, ['CATEGORIES:Choir,Friends']), makeCard(303)].map((c) => c.data).join(''));
    const options = await openOptions(ext);
    await showSection(options, 'Restore');
    await options.getByLabel(/Import a backup/).setInputFiles(file);
    await options.locator('.import-panel .message').filter({ hasText: /^Imported 3 items/ }).waitFor();
    rmSync(folder, { recursive: true, force: true });

    const panel = options.locator('.push-panel');
    const from = await panel.getByLabel('Copy from').locator('option', { hasText: 'labelled-contacts' }).getAttribute('value');
    await panel.getByLabel('Copy from').selectOption(from);
    await panel.getByLabel('Into').selectOption({ label: 'Contacts (Google)' });
    await panel.getByText('Google does not keep contact labels sent over CardDAV').waitFor();
    await panel.getByRole('button', { name: 'Show what would be created' }).click();
    await panel.getByText('2 of these contacts have labels, which Google will not keep; Lifeboat’s copy keeps them.').waitFor();
    await panel.getByRole('button', { name: 'Restore now' }).click();
    await panel.getByText('Created 3 items; 0 were already there.').waitFor({ timeout: 30_000 });
    await panel.getByText('2 of these contacts have labels, which Google did not keep; Lifeboat’s copy keeps them.').waitFor();
    expect(await seriousViolationsInBothSchemes(options)).toEqual([]);
    // Google (the proxy in front of Radicale) kept the three contacts, none with its labels.
    const dir = join(radicale.storageDir, 'collection-root', radicale.username, 'contacts');
    const restored = readdirSync(dir).filter((f) => f.startsWith('lifeboat-card-030')).map((f) => readFileSync(join(dir, f), 'utf8'));
    expect(restored).toHaveLength(3);
    expect(restored.filter((text) => text.includes('CATEGORIES'))).toEqual([]);
    await options.close();
  });
});
