// The passphrase lock in real Chromium against a real Radicale, proved on the profile's files:
// an account is added with a distinctive password and a refresh token is stored; with the lock
// off, a search of every file of the stopped browser's profile finds both (so the search
// works); once the lock is turned on in Options, the same search finds neither, in UTF-8 or
// UTF-16LE. After a restart the popup says "Locked", a sync waits, and unlocking in the popup
// resumes it. A backup downloaded with "Encrypt" ticked opens in 7-Zip with the passphrase only.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeCards, putItem, startRadicale, type RadicaleServer } from '../harness';
import { launchExtensionBrowser, type ExtensionBrowser } from '../browser/extension-browser';
import { prepareExtensionCopy } from '../browser/extension-copy';
import { openOptions, openPopup, showSection, submitAccount, waitForMirror } from '../browser/extension-pages';
import { searchProfile } from '../browser/profile-search';
import { waitForFile } from '../browser/wait-for-file';
import { seriousViolationsInBothSchemes } from '../browser/axe-check';

const PASSWORD = 'LbE2E-hunter2-7f3a9c51d0';
const REFRESH_TOKEN = 'rt-e2e-6b1f0d9a2c47e8';
const PASSPHRASE = 'a passphrase only this test knows';
const CARDS = makeCards(12);

let radicale: RadicaleServer;
let extensionDir: string;
let profileDir: string;
let ext: ExtensionBrowser | undefined;

const start = async () => {
  ext = await launchExtensionBrowser({ extensionDir, profileDir });
  return ext;
};
const stop = async () => {
  await ext?.close();
  ext = undefined;
};

beforeAll(async () => {
  radicale = await startRadicale({ password: PASSWORD, seed: [{ name: 'contacts', kind: 'addressbook', displayName: 'Contacts', items: CARDS }] });
  extensionDir = prepareExtensionCopy('dist', ['http://127.0.0.1/*']);
  profileDir = mkdtempSync(join(tmpdir(), 'lifeboat-lock-profile-'));
});

afterAll(async () => {
  await stop();
  await radicale?.stop();
  rmSync(profileDir, { recursive: true, force: true });
  rmSync(extensionDir, { recursive: true, force: true });
});

describe('the passphrase lock, on the profile’s files', () => {
  it('without the lock, the stopped profile holds the password and the refresh token (the search works)', async () => {
    const browser = await start();
    const options = await openOptions(browser);
    expect(await submitAccount(options, { serverUrl: radicale.url, username: radicale.username, password: PASSWORD, label: 'Locked test' })).toMatch(/Account added/);
    const popup = await openPopup(browser);
    await waitForMirror(popup, CARDS.length);
    // A signed-in account's grant, as auth/token-store.ts stores it (no Google sign-in here).
    const worker = await browser.serviceWorker();
    await worker.evaluate(
      ([token]) => chrome.storage.local.set({ 'oauth-tokens:seeded-grant': { refreshToken: token, scope: 'https://www.googleapis.com/auth/carddav' } }),
      [REFRESH_TOKEN],
    );
    await stop();
    const { files, hits } = searchProfile(profileDir, [PASSWORD, REFRESH_TOKEN]);
    expect(files).toBeGreaterThan(20);
    expect(new Set(hits.map((h) => h.secret))).toEqual(new Set([PASSWORD, REFRESH_TOKEN]));
  });

  it('with the lock turned on in Options, no file of the stopped profile holds either', async () => {
    const browser = await start();
    const options = await openOptions(browser);
    await showSection(options, 'Schedule & safety');
    await options.getByLabel('New passphrase (at least 8 characters)').fill(PASSPHRASE);
    await options.getByLabel('Repeat the new passphrase').fill(PASSPHRASE);
    await options.getByRole('button', { name: 'Turn the lock on' }).click();
    await options.getByText('The lock is on: every stored password and sign-in is now encrypted.').waitFor({ timeout: 30_000 });
    expect(await seriousViolationsInBothSchemes(options)).toEqual([]);
    await stop();
    const { hits } = searchProfile(profileDir, [PASSWORD, REFRESH_TOKEN, PASSPHRASE]);
    expect(hits).toEqual([]);
  });

  it('after a restart the popup says Locked, a sync waits, and unlocking resumes it', async () => {
    await putItem(`${radicale.addressBookUrl}added-while-locked.vcf`, makeCards(1, 500)[0]!.data, { username: radicale.username, password: PASSWORD });
    const browser = await start();
    const popup = await openPopup(browser);
    await popup.getByText('Locked: unlock to resume backups').waitFor({ timeout: 30_000 });
    // The toolbar says it too, on the badge and in its tooltip.
    const worker = await browser.serviceWorker();
    const badge = () => worker.evaluate(async () => ({ text: await chrome.action.getBadgeText({}), title: await chrome.action.getTitle({}) }));
    await expect.poll(badge, { timeout: 10_000 }).toEqual({ text: '🔒', title: 'Locked: unlock to resume backups' });
    await popup.getByRole('button', { name: 'Sync now' }).click();
    await popup.getByRole('button', { name: 'Sync now' }).waitFor();
    // Skipped without an error: the account is not marked, the mirror unchanged.
    expect(await popup.locator('.status-error').count()).toBe(0);
    await popup.getByTestId('contact-count').filter({ hasText: `Contacts: ${CARDS.length}` }).first().waitFor();
    await popup.getByLabel('Passphrase').fill('not the passphrase');
    await popup.getByRole('button', { name: 'Unlock' }).click();
    await popup.getByRole('alert').filter({ hasText: /not the right one/ }).waitFor();
    expect(await seriousViolationsInBothSchemes(popup)).toEqual([]);
    await popup.getByLabel('Passphrase').fill(PASSPHRASE);
    await popup.getByRole('button', { name: 'Unlock' }).click();
    await waitForMirror(popup, CARDS.length + 1);
    await expect(popup.getByText('Locked: unlock to resume backups').count()).resolves.toBe(0);
    expect((await badge()).text).toBe('');
  });

  it('downloads a backup and a snapshot encrypted with the passphrase, which 7-Zip opens with it only, and which verify with it', async () => {
    const options = await openOptions(ext!);
    await showSection(options, 'Export & backups');
    const panel = options.locator('.backup-panel');
    await expect(panel.getByLabel(/Encrypt with the lock's passphrase/).isChecked()).resolves.toBe(true);
    await panel.getByRole('button', { name: 'Download a full backup (.zip)' }).click();
    const saved = (await panel.getByRole('status').filter({ hasText: /^Saved/ }).first().textContent({ timeout: 30_000 })) ?? '';
    const path = await waitForFile(ext!.downloadsDir, /Saved (\S+\.zip)/.exec(saved)?.[1] ?? 'no name in the message');
    const sevenZip = (password: string) => spawnSync('/usr/bin/7zz', ['t', `-p${password}`, path], { encoding: 'utf8', timeout: 60_000 });
    expect(sevenZip(PASSPHRASE).stdout).toMatch(/Everything is Ok/);
    expect(sevenZip('not the passphrase').status).not.toBe(0);

    await panel.getByLabel('Verify a backup').setInputFiles(path);
    await panel.getByRole('alert').filter({ hasText: 'This backup is encrypted: enter its passphrase' }).waitFor();
    await panel.getByLabel('Passphrase of an encrypted backup').fill(PASSPHRASE);
    await panel.getByLabel('Verify a backup').setInputFiles([]);
    await panel.getByLabel('Verify a backup').setInputFiles(path);
    await panel.getByText(/files? checked: every checksum matches/).waitFor();

    // A snapshot, as the schedule writes it, is encrypted with the passphrase too.
    await panel.getByRole('button', { name: 'Save a backup into the folder now' }).click();
    const snapshot = (await panel.getByRole('status').filter({ hasText: /^Saved/ }).first().textContent({ timeout: 30_000 })) ?? '';
    const snapshotPath = await waitForFile(join(ext!.downloadsDir, 'Lifeboat backups'), /Saved (\S+\.zip)/.exec(snapshot)?.[1] ?? 'no name in the message');
    expect(spawnSync('/usr/bin/7zz', ['t', `-p${PASSPHRASE}`, snapshotPath], { encoding: 'utf8', timeout: 60_000 }).stdout).toMatch(/Everything is Ok/);
    expect(spawnSync('/usr/bin/7zz', ['t', '-pnot-the-passphrase', snapshotPath], { encoding: 'utf8', timeout: 60_000 }).status).not.toBe(0);
    await options.close();
  });
});
