// Backups and restore as a person uses them, in real Chromium against real Radicale servers:
// download a full backup and verify it, keep one snapshot on disk, copy the address book into
// another provider's account (dry run first, then for real, then again with nothing to do),
// and, after the mirror was emptied, bring it all back from the backup file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startRadicale, makeCards, makeEvents, type RadicaleServer } from '../harness';
import { launchExtensionBrowser, type ExtensionBrowser } from '../browser/extension-browser';
import { prepareExtensionCopy } from '../browser/extension-copy';
import { openOptions, openPopup, showSection, submitAccount, waitForMirror } from '../browser/extension-pages';
import { waitForFile } from '../browser/wait-for-file';
import { seriousViolationsInBothSchemes } from '../browser/axe-check';

const CARDS = makeCards(30);
const EVENTS = makeEvents(10);

let old: RadicaleServer;
let fresh: RadicaleServer;
let ext: ExtensionBrowser;
let options: Page;
let backupPath = '';

beforeAll(async () => {
  [old, fresh] = await Promise.all([
    startRadicale({
      seed: [
        { name: 'contacts', kind: 'addressbook', displayName: 'Contacts', items: CARDS },
        { name: 'calendar', kind: 'calendar', displayName: 'Calendar', items: EVENTS },
      ],
    }),
    startRadicale(),
  ]);
  ext = await launchExtensionBrowser({ extensionDir: prepareExtensionCopy('dist', ['http://127.0.0.1/*']) });
  options = await openOptions(ext);
  const server = (s: RadicaleServer, label: string) => ({ serverUrl: s.url, username: s.username, password: s.password, label });
  expect(await submitAccount(options, server(old, 'Old provider'))).toMatch(/Account added/);
  const popup = await openPopup(ext);
  await waitForMirror(popup, CARDS.length);
  await popup.close();
  expect(await submitAccount(options, server(fresh, 'New provider'))).toMatch(/Account added/);
  await options.locator('.account', { hasText: 'New provider' }).locator('.status-ok').waitFor();
});

afterAll(async () => {
  await ext?.close();
  await old?.stop();
  await fresh?.stop();
});

/** The message a panel shows after its last action. */
async function panelMessage(panel: string, pattern: RegExp): Promise<string> {
  const message = options.locator(`.${panel} .message`).filter({ hasText: pattern });
  await message.waitFor({ timeout: 60_000 });
  return (await message.textContent()) ?? '';
}

function filesIn(server: RadicaleServer, collection: string): string[] {
  const dir = join(server.storageDir, 'collection-root', server.username, collection);
  return existsSync(dir) ? readdirSync(dir).filter((f) => !f.startsWith('.')) : [];
}

describe('backups and restore in Chromium', () => {
  it('downloads a full backup, and verifies it: every checksum matches', async () => {
    await showSection(options, 'Export & backups');
    await options.getByRole('button', { name: 'Download a full backup (.zip)' }).click();
    const saved = await panelMessage('backup-panel', /^Saved/);
    const name = /Saved (\S+\.zip)/.exec(saved)?.[1] ?? '';
    expect(name).toMatch(/^lifeboat-backup-\d{4}-\d{2}-\d{2}-\d{4}\.zip$/);
    backupPath = await waitForFile(ext.downloadsDir, name);
    // Both accounts' collections: the old provider's with items, the new one's are empty.
    await options.getByLabel('Verify a backup').setInputFiles(backupPath);
    await options.getByText('2 files checked: every checksum matches.').waitFor();
  });

  it('keeps only as many snapshots on disk as the settings say', async () => {
    await showSection(options, 'Schedule & safety');
    await options.getByLabel('Backups kept on disk').fill('1');
    await options.getByRole('button', { name: 'Save settings' }).click();
    await options.getByText('Settings saved.').waitFor();
    await showSection(options, 'Export & backups');
    const folder = join(ext.downloadsDir, 'Lifeboat backups');
    for (let n = 0; n < 2; n++) {
      await options.getByRole('button', { name: 'Save a backup into the folder now' }).click();
      await panelMessage('backup-panel', /^Saved/);
      await options.locator('.snapshots li').first().waitFor();
    }
    await expect.poll(() => (existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith('.zip')) : []).length).toBe(1);
    expect(await options.locator('.snapshots li').count()).toBe(1);
  });

  it('copies the address book into the new provider: a dry run first, then once, then nothing twice', async () => {
    await showSection(options, 'Restore');
    const panel = options.locator('.push-panel');
    await panel.getByLabel('Copy from').selectOption({ label: 'Contacts (Old provider)' });
    await panel.getByLabel('Into').selectOption({ label: 'Contacts (New provider)' });
    await panel.getByRole('button', { name: 'Show what would be created' }).click();
    expect(await panelMessage('push-panel', /^Would create/)).toBe('Would create 30 items; 0 are already there.');
    expect(filesIn(fresh, 'contacts')).toHaveLength(0);
    await panel.getByRole('button', { name: 'Restore now' }).click();
    expect(await panelMessage('push-panel', /^Created 30/)).toBe('Created 30 items; 0 were already there.');
    expect(filesIn(fresh, 'contacts')).toHaveLength(30);
    await panel.getByRole('button', { name: 'Restore now' }).click();
    expect(await panelMessage('push-panel', /^Created 0/)).toBe('Created 0 items; 30 were already there.');
    expect(filesIn(fresh, 'contacts')).toHaveLength(30);
  });

  it('brings everything back from the backup file after the mirror lost it', async () => {
    await showSection(options, 'Accounts');
    const oldAccount = options.locator('.account', { hasText: 'Old provider' });
    await oldAccount.getByRole('button', { name: 'Remove account' }).click();
    await oldAccount.getByLabel('Keep the mirrored contacts and calendars (recommended)').uncheck();
    await oldAccount.getByRole('button', { name: 'Remove “Old provider”' }).click();
    await oldAccount.waitFor({ state: 'detached' });

    await showSection(options, 'Restore');
    await options.getByLabel(/Import a backup/).setInputFiles(backupPath);
    const imported = await panelMessage('import-panel', /^Imported/);
    expect(imported).toMatch(/^Imported 40 items into “Backup of \d{4}-\d{2}-\d{2}”\. 0 were already in the mirror\.$/);
    await showSection(options, 'Accounts');
    await options.locator('.account', { hasText: 'Backup of' }).getByText(/Imported from a file/).waitFor();
    await showSection(options, 'Restore');
    await options.screenshot({ path: 'docs/images/options-backup-restore.png', fullPage: true });
    // The backup and restore panels with their messages and lists showing, in both schemes.
    expect(await seriousViolationsInBothSchemes(options)).toEqual([]);

    const popup = await openPopup(ext);
    await waitForMirror(popup, CARDS.length);
    await popup.close();
  });

  it('renames an account, keeping everything else', async () => {
    await showSection(options, 'Accounts');
    const account = options.locator('.account', { hasText: 'New provider' });
    await account.getByRole('button', { name: 'Rename' }).click();
    await account.getByLabel('New name for this account').fill('Spare provider');
    await account.getByRole('button', { name: 'Save name' }).click();
    await options.getByRole('heading', { name: 'Spare provider', level: 3 }).waitFor();
    const popup = await openPopup(ext);
    await popup.getByRole('heading', { name: 'Spare provider' }).waitFor();
    await popup.close();
  });
});
