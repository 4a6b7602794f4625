// A photo folder as a person adds it, in real Chromium against a real WebDAV server (rclone):
// the form on the options page, the mirror in the background, the grid with thumbnails made
// from the stored files, axe-core on both, and a backup whose zip holds the photos.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startWebdavFolder, makeJpeg, makeMp4, type WebdavFolderServer } from '../harness';
import { launchExtensionBrowser, type ExtensionBrowser } from '../browser/extension-browser';
import { prepareExtensionCopy } from '../browser/extension-copy';
import { openOptions, OPTIONS, showSection } from '../browser/extension-pages';
import { waitForFile } from '../browser/wait-for-file';
import { seriousViolationsInBothSchemes } from '../browser/axe-check';
import { openArchive } from '../../src/archive/open-archive';
import { readFile } from 'node:fs/promises';

let server: WebdavFolderServer;
let ext: ExtensionBrowser;
let options: Page;

beforeAll(async () => {
  server = await startWebdavFolder({
    files: {
      'IMG_0001.jpg': makeJpeg({ takenAt: '2021:03:04 05:06:07', width: 32, height: 24 }),
      'Trip/IMG_0002.jpg': makeJpeg({ takenAt: '2022:08:01 12:00:00', width: 24, height: 24, seed: 2 }),
      'Trip/clip.mp4': makeMp4(8000),
    },
  });
  ext = await launchExtensionBrowser({ extensionDir: prepareExtensionCopy('dist', ['http://127.0.0.1/*']) });
  options = await openOptions(ext);
});

afterAll(async () => {
  await ext?.close();
  await server?.stop();
});

describe('a photo folder in Chromium', () => {
  it('is added from the options page and mirrored in the background', async () => {
    await showSection(options, 'Photos');
    const form = options.locator('.add-photo-folder');
    await form.getByLabel('Folder address').fill(server.url);
    await form.getByLabel("Login of the folder's server").fill(server.username);
    await form.getByLabel('Its password (or an app password)').fill(server.password);
    await form.getByLabel('Label for this folder (optional)').fill('NAS photos');
    await form.getByRole('button', { name: 'Add photo folder' }).click();
    await form.locator('.message').filter({ hasText: /^Photo folder added \(at its top, photos: 1, folders: 1\)/ }).waitFor({ timeout: 30_000 });
    // The first copy shows under the form as it happens.
    await form.locator('.first-copy').getByTestId('photo-count').filter({ hasText: 'Photos: 3' }).waitFor({ timeout: 60_000 });
    expect(await seriousViolationsInBothSchemes(options)).toEqual([]);
    await showSection(options, 'Accounts');
    const account = options.locator('.account', { hasText: 'NAS photos' });
    await account.getByTestId('photo-count').filter({ hasText: 'Photos: 3' }).waitFor({ timeout: 60_000 });
    expect(await seriousViolationsInBothSchemes(options)).toEqual([]);
  });

  it('shows the grid with thumbnails made from the stored files', async () => {
    const grid = await ext.openPage(`${OPTIONS}#browse/photos`);
    await grid.getByText('Showing 3 of 3 photos and videos.').waitFor();
    await expect.poll(() => grid.locator('.photo-grid img').count(), { timeout: 30_000 }).toBe(2);
    expect(await grid.locator('.photo-grid img').first().evaluate((img: HTMLImageElement) => img.src)).toMatch(/^blob:chrome-extension:/);
    await grid.locator('.photo-kind', { hasText: 'MP4' }).waitFor();
    expect(await seriousViolationsInBothSchemes(grid)).toEqual([]);
    await grid.close();
  });

  it('puts the photos in the backup archive by year and month', async () => {
    await showSection(options, 'Export & backups');
    await options.getByRole('button', { name: 'Download a full backup (.zip)' }).click();
    const saved = (await options.locator('.backup-panel .message').filter({ hasText: /^Saved/ }).textContent({ timeout: 60_000 })) ?? '';
    const name = /Saved (\S+\.zip)/.exec(saved)?.[1] ?? '';
    const archive = await openArchive(new Blob([await readFile(await waitForFile(ext.downloadsDir, name))]));
    const paths = [...archive.entries.keys()];
    await archive.close();
    expect(paths).toEqual(expect.arrayContaining(['photos/2021/03/IMG_0001.jpg', 'photos/2022/08/IMG_0002.jpg', 'photos/albums/Trip.txt']));
    expect(archive.manifest?.totals.photos).toBe(3);
  });
});
