// iCloud through the browser's own icloud.com sign-in, in real Chromium, against the loopback
// reproduction of icloud.com's web services (test/harness/icloud/): the session's cookies set in
// the browser as signing in at icloud.com leaves them, the setup address pointed at the
// reproduction by the advanced iCloud setting. Through the real options page: pick iCloud, "use
// my icloud.com sign-in" while signed out (the page says so, one button opens icloud.com, and the
// form checks again by itself once the person is signed in), then the first mirror of 1,000
// photos, 500 contacts and a calendar with the session expiring in the middle: both accounts say
// "Sign in at icloud.com to resume" and lose nothing, and once signed in again the next scheduled
// run completes by itself. Photos byte-identical, a .vcf export with the 500 contacts, the
// Origin rule applied to Lifeboat's own requests and never to a web page's, and Advanced Data
// Protection without web access: the status says so, nothing is touched.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';
import { startIcloudWebServer, type IcloudWebServer } from '../harness/icloud/icloud-web-server';
import { seedSampleAccount } from '../harness/icloud/sample-account';
import type { LibraryPhoto } from '../harness/icloud/photo-library';
import { launchExtensionBrowser, type ExtensionBrowser } from '../browser/extension-browser';
import { prepareExtensionCopy } from '../browser/extension-copy';
import { OPTIONS, openPopup, showSection } from '../browser/extension-pages';
import { exportFromPopup } from '../browser/popup-export';
import { readStore } from '../browser/extension-db';
import { seriousViolationsInBothSchemes } from '../browser/axe-check';
import { waitForFile } from '../browser/wait-for-file';
import { readFileSync } from 'node:fs';

/** The schedule's alarm (src/background/schedule.ts; that module needs the extension's APIs to load). */
const SYNC_ALARM = 'lifeboat-sync';

const CONTACTS = 500;
const EVENTS = 40;
const PHOTOS = 1000;
const OWNER = 'Robin Sample';
const PHOTOS_LABEL = `iCloud Photos (${OWNER})`;

let icloud: IcloudWebServer;
let seeded: LibraryPhoto[];
let ext: ExtensionBrowser;
let options: Page;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** What signing in at icloud.com leaves in the browser: the session's cookies, for 127.0.0.1 (every port). */
async function signInAtIcloud(): Promise<void> {
  const cookies = icloud.signIn();
  await ext.context.addCookies(cookies.map(({ name, value }) => ({ name, value, domain: '127.0.0.1', path: '/' })));
}

/** The schedule's alarm, due now: what the browser does every 30 minutes by itself. */
async function scheduledRun(): Promise<void> {
  const worker = await ext.serviceWorker();
  await worker.evaluate((name) => chrome.alarms.create(name, { when: Date.now(), periodInMinutes: 30 }), SYNC_ALARM);
}

const accountCard = (label: string) => options.locator('.account').filter({ has: options.getByRole('heading', { name: label, exact: true }) });

beforeAll(async () => {
  icloud = await startIcloudWebServer();
  seeded = seedSampleAccount(icloud, { contacts: CONTACTS, events: EVENTS, photos: PHOTOS });
  // What "Allow" grants in the click: iCloud's hosts, and the loopback reproduction.
  ext = await launchExtensionBrowser({ extensionDir: prepareExtensionCopy('dist', ['http://127.0.0.1/*', 'https://*.icloud.com/*', 'https://*.icloud-content.com/*']) });
  const worker = await ext.serviceWorker();
  // Where "iCloud" is, for this test: the advanced iCloud setting.
  await worker.evaluate((setupUrl) => chrome.storage.local.set({ 'icloud-settings': { setupUrl } }), icloud.setupUrl);
  options = await ext.openPage(`${OPTIONS}#setup`, { width: 1000, height: 900 });
}, 300_000);

afterAll(async () => {
  await ext?.close();
  await icloud?.stop();
});

describe('iCloud through the icloud.com sign-in, in Chromium', () => {
  it('says "not signed in" with one button to icloud.com, and adds the accounts by itself once signed in', async () => {
    await options.getByRole('button', { name: /^iCloud/ }).click();
    await options.getByText('Your icloud.com sign-in also copies your photos and needs no password').waitFor();
    await options.getByRole('button', { name: 'Use my icloud.com sign-in (contacts, calendars and photos, no password)' }).click();
    await options.getByRole('button', { name: 'Use an app password (exact CardDAV/CalDAV copy)' }).waitFor();
    const form = options.locator('form.add-icloud-session');
    await expect(form.getByLabel('Also copy iCloud Photos').isChecked()).resolves.toBe(true);
    await form.getByRole('button', { name: 'Use my icloud.com sign-in' }).click();
    await form.getByText('You are not signed in at icloud.com').waitFor({ timeout: 30_000 });
    expect(await readStore(options, 'accounts')).toEqual([]);
    expect(await seriousViolationsInBothSchemes(options)).toEqual([]);

    const opened = ext.context.waitForEvent('page');
    await form.getByRole('button', { name: 'Open icloud.com' }).click();
    const tab = await opened;
    expect(tab.url()).toMatch(/^https:\/\/www\.icloud\.com\/|^chrome-error:|^about:blank/);
    await tab.close();

    // The session expires part way through the first mirror of both accounts.
    await signInAtIcloud();
    icloud.expireSessionAfter(12);
    // No click: the form checks again when the person comes back, and on a short poll.
    await options.bringToFront();
    // The setup's next step: the first copy of the contacts and calendars, as it happens.
    await options.locator('section.setup-copy').waitFor({ timeout: 30_000 });
    const kinds = (await readStore<{ kind: string; label: string; serverUrl: string }>(options, 'accounts')).map((a) => [a.kind, a.label, a.serverUrl]).sort();
    expect(kinds).toEqual([
      ['icloud-photos', PHOTOS_LABEL, icloud.setupUrl],
      ['icloud-web', OWNER, icloud.setupUrl],
    ]);
  });

  it('sets the icloud.com Origin on Lifeboat’s own requests only, never on a web page’s', async () => {
    const worker = await ext.serviceWorker();
    const rules = await worker.evaluate(() => chrome.declarativeNetRequest.getSessionRules());
    expect(rules.map((r) => [r.condition.requestDomains, r.condition.tabIds, r.condition.initiatorDomains])).toEqual([[['127.0.0.1'], [-1], [ext.extensionId]]]);
    // The extension's validate passed (the accounts were added); the same request from a page
    // on the service's own origin keeps the page's Origin, which the service refuses.
    const page = await ext.context.newPage();
    await page.goto(`${icloud.setupUrl}/`);
    const status = await page.evaluate(async () => (await fetch('/setup/ws/1/validate', { method: 'POST', body: 'null', credentials: 'include' })).status);
    expect(status).toBe(403);
    await page.close();
  });

  it('pauses at "Sign in at icloud.com" when the session ends mid-run, keeps everything, and resumes by itself', async () => {
    await showSection(options, 'Accounts');
    const contactsCard = accountCard(OWNER);
    const photosCard = accountCard(PHOTOS_LABEL);
    await contactsCard.getByText('Sign in at icloud.com to resume').waitFor({ timeout: 120_000 });
    await photosCard.getByText('Sign in at icloud.com to resume').waitFor({ timeout: 120_000 });
    const before = { items: (await readStore(options, 'items')).length, photos: (await readStore(options, 'photos')).length };
    expect(before.items + before.photos).toBeLessThan(CONTACTS + EVENTS + PHOTOS);

    const popup = await openPopup(ext);
    await popup.getByText(`${OWNER}: sign in at icloud.com to resume.`).waitFor();
    await popup.getByRole('button', { name: 'Open icloud.com' }).first().waitFor();
    await popup.close();

    // A scheduled run while still signed out changes nothing.
    await scheduledRun();
    await expect.poll(() => icloud.log.filter((l) => l.startsWith('421 setup')).length, { timeout: 30_000 }).toBeGreaterThan(0);
    expect((await readStore(options, 'items')).length).toBeGreaterThanOrEqual(before.items);
    expect((await readStore(options, 'photos')).length).toBeGreaterThanOrEqual(before.photos);

    // Signed in again at icloud.com: nothing to do in Lifeboat; the next scheduled run resumes.
    await signInAtIcloud();
    await scheduledRun();
    await contactsCard.getByTestId('contact-count').filter({ hasText: `Contacts: ${CONTACTS}` }).waitFor({ timeout: 120_000 });
    await contactsCard.getByTestId('event-count').filter({ hasText: `Events: ${EVENTS}` }).waitFor({ timeout: 120_000 });
    await contactsCard.locator('.status-ok').waitFor({ timeout: 120_000 });
    // Every file of the library: originals, edited versions, Live Photo videos.
    const files = seeded.reduce((n, p) => n + 1 + (p.edited ? 1 : 0) + (p.liveVideo ? 1 : 0), 0);
    await photosCard.getByTestId('photo-count').filter({ hasText: `Photos: ${files.toLocaleString('en-US')}` }).waitFor({ timeout: 300_000 });
    await photosCard.locator('.status-ok').waitFor({ timeout: 120_000 });
  }, 600_000);

  it('holds every photo byte for byte, and exports the 500 contacts in one .vcf', async () => {
    const stored = await readStore<{ sha256: string; live: number }>(options, 'photos');
    const storedHashes = new Set(stored.map((p) => p.sha256));
    for (const photo of seeded) {
      for (const bytes of [photo.bytes, photo.edited, photo.liveVideo]) if (bytes) expect(storedHashes.has(sha256(bytes)), photo.filename).toBe(true);
    }
    // The bytes themselves, hashed in the page from the stored files, for a sample.
    const rehashed = await options.evaluate(async () => {
      const open = indexedDB.open('lifeboat');
      const db = await new Promise<IDBDatabase>((resolve) => (open.onsuccess = () => resolve(open.result)));
      const blobs = await new Promise<Array<{ data: Blob | Uint8Array | ArrayBuffer }>>((resolve) => {
        const request = db.transaction('photoBlobs').objectStore('photoBlobs').getAll(null, 25);
        request.onsuccess = () => resolve(request.result as Array<{ data: Blob | Uint8Array }>);
      });
      const hex = async (buffer: ArrayBuffer) => [...new Uint8Array(await crypto.subtle.digest('SHA-256', buffer))].map((b) => b.toString(16).padStart(2, '0')).join('');
      const out: string[] = [];
      for (const { data } of blobs) out.push(await hex(data instanceof Blob ? await data.arrayBuffer() : new Uint8Array(data).slice().buffer));
      db.close();
      return out;
    });
    expect(rehashed.length).toBeGreaterThan(0);
    for (const hash of rehashed) expect(storedHashes.has(hash)).toBe(true);

    const popup = await openPopup(ext);
    const vcf = await exportFromPopup(ext, popup, 'contacts');
    expect(vcf.match(/^BEGIN:VCARD/gm)).toHaveLength(CONTACTS);
    for (const n of [1, 250, 500]) expect(vcf).toContain(`ada${n}@example.org`);
    await popup.close();
  }, 300_000);

  it('does not add the same Apple ID twice', async () => {
    await showSection(options, 'Accounts');
    const form = options.locator('section[aria-labelledby="add-icloud-heading"] form.add-icloud-session');
    await form.getByRole('button', { name: 'Use my icloud.com sign-in' }).click();
    await form.getByText(`The iCloud of ${OWNER} is already added.`).waitFor({ timeout: 30_000 });
    expect(await readStore(options, 'accounts')).toHaveLength(2);
  });

  it('says that iCloud web access is off, with the app-password alternative, and touches nothing', async () => {
    const photosBefore = (await readStore(options, 'photos')).length;
    const itemsBefore = (await readStore(options, 'items')).length;
    icloud.setAdvancedDataProtection('web-access-off');
    const photosCard = accountCard(PHOTOS_LABEL);
    await photosCard.getByRole('button', { name: 'Sync now' }).click();
    await photosCard.getByText(/iCloud web access is off.*app password/).waitFor({ timeout: 60_000 });
    expect((await readStore(options, 'photos')).length).toBe(photosBefore);
    expect((await readStore(options, 'items')).length).toBe(itemsBefore);
    icloud.setAdvancedDataProtection('off');
  });

  it('saves the last unexpected answer’s diagnostic as a file: path, status and shape, no personal value', async () => {
    await showSection(options, 'Accounts');
    const card = accountCard(OWNER);
    await expect(card.getByRole('button', { name: 'Save a diagnostic for a bug report' }).count()).resolves.toBe(0);
    // The reproduction answers as documented; a run that met a changed answer is written into the
    // run log as the engine writes it (test/unit/icloud-run-diagnostic.test.ts shows how it gets there).
    const diagnostic = { path: '/co/startup', status: 200, shape: '{contacts: array[0], headerPositions: object{}, syncToken: string}' };
    const accountId = (await readStore<{ id: string; kind: string }>(options, 'accounts')).find((a) => a.kind === 'icloud-web')!.id;
    await options.evaluate(
      ({ accountId, diagnostic }) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('lifeboat');
          open.onsuccess = () => {
            const tx = open.result.transaction('runs', 'readwrite');
            const run = { accountId, startedAt: Date.now(), finishedAt: Date.now(), outcome: 'failed', added: 0, changed: 0, deletedUpstream: 0, unchanged: 0 };
            tx.objectStore('runs').add({ ...run, errors: [{ href: null, message: 'iCloud answered /co/startup in a way Lifeboat does not know', diagnostic }] });
            tx.oncomplete = () => (open.result.close(), resolve());
            tx.onerror = () => reject(new Error(String(tx.error)));
          };
        }),
      { accountId, diagnostic },
    );
    // Written beside Dexie, so its live queries do not see it: the page reads it again.
    await options.reload();
    await showSection(options, 'Accounts');
    await card.getByRole('button', { name: 'Save a diagnostic for a bug report' }).click();
    const saved = /Diagnostic saved as (.+\.json)\./.exec(await card.getByText(/^Diagnostic saved as/).textContent() ?? '')![1]!;
    const file = JSON.parse(readFileSync(await waitForFile(ext.downloadsDir, saved), 'utf8')) as Record<string, unknown>;
    expect(file).toMatchObject({ accountKind: 'icloud-web', ...diagnostic });
    expect(JSON.stringify(file)).not.toMatch(/Robin|Sample|icloud\.example|8123456789/);
  });

  it('removes the Origin rule with the last iCloud account', async () => {
    await showSection(options, 'Accounts');
    for (const label of [PHOTOS_LABEL, OWNER]) {
      const card = accountCard(label);
      await card.getByRole('button', { name: 'Remove account' }).click();
      await card.getByRole('button', { name: `Remove “${label}”` }).click();
      await card.waitFor({ state: 'detached', timeout: 30_000 });
    }
    const worker = await ext.serviceWorker();
    await expect.poll(() => worker.evaluate(() => chrome.declarativeNetRequest.getSessionRules().then((r) => r.length))).toBe(0);
  });
});
