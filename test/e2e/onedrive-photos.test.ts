// OneDrive photos as a person adds them, in real Chromium: the form on the options page, the
// sign-in through the browser's identity API against the test authorization server (asking to
// read files only), the camera roll mirrored in the background from the Graph drive test
// server, its files fetched from a storage host on another origin that refuses the Graph token,
// and the grid of the mirrored photos; axe-core on the page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { makeJpeg, makeMp4 } from '../harness';
import { startOAuthServer, type OAuthTestServer } from '../harness/oauth-server';
import { startGraphDriveServer, type GraphDriveServer } from '../harness/graph-drive-server';
import { launchExtensionBrowser, type ExtensionBrowser } from '../browser/extension-browser';
import { prepareExtensionCopy } from '../browser/extension-copy';
import { openOptions, OPTIONS, showSection } from '../browser/extension-pages';
import { seriousViolationsInBothSchemes } from '../browser/axe-check';
import { providerWith } from '../../src/auth/oauth-providers';
import { forOneDrivePhotos } from '../../src/providers/onedrive-photos/oauth';
import { MICROSOFT_OAUTH } from '../../src/providers/microsoft/oauth';
import { STORAGE_ORIGINS } from '../../src/model/storage-hosts';

const CLIENT_ID = 'lifeboat-e2e.apps.example.com';
let oauth: OAuthTestServer;
let graph: GraphDriveServer;
let ext: ExtensionBrowser;
let options: Page;

beforeAll(async () => {
  // What "Allow" grants in the click: the loopback test servers, and a personal drive's storage hosts.
  ext = await launchExtensionBrowser({ extensionDir: prepareExtensionCopy('dist', ['http://127.0.0.1/*', ...STORAGE_ORIGINS.personal]) });
  oauth = await startOAuthServer({ clientId: CLIENT_ID, redirectUris: [`https://${ext.extensionId}.chromiumapp.org/`], scopes: forOneDrivePhotos(providerWith(MICROSOFT_OAUTH)).scopes });
  graph = await startGraphDriveServer((token) => oauth.isValidAccessToken(token));
  graph.putFile('Pictures/Camera Roll/IMG_0001.jpg', makeJpeg({ takenAt: '2021:03:04 05:06:07', width: 32, height: 24 }));
  graph.putFile('Pictures/Camera Roll/2022/IMG_0002.jpg', makeJpeg({ takenAt: '2022:08:01 12:00:00', width: 24, height: 24, seed: 2 }));
  graph.putFile('Pictures/Camera Roll/2022/clip.mp4', makeMp4(8000));
  graph.putFile('Pictures/Screenshot.png', makeJpeg({ seed: 3 }), { mime: 'image/png' });
  // Where "Microsoft" is, for this test: the advanced provider settings.
  const microsoft = { clientId: CLIENT_ID, authorizeUrl: oauth.authorizeUrl, tokenUrl: oauth.tokenUrl, endpoints: { graph: graph.graphUrl } };
  const worker = await ext.serviceWorker();
  await worker.evaluate((settings) => chrome.storage.local.set({ 'oauth-settings': { microsoft: settings } }), microsoft);
  options = await openOptions(ext);
});

afterAll(async () => {
  await ext?.close();
  await graph?.stop();
  await oauth?.stop();
});

describe('OneDrive photos in Chromium', () => {
  it('are added from the options page with a sign-in, and mirrored in the background', async () => {
    await showSection(options, 'Photos');
    const form = options.locator('form.add-onedrive');
    await form.getByLabel('Personal (Outlook.com, Hotmail, Live)').check();
    await form.getByLabel('Camera roll (photos your phone uploads)').check();
    await form.getByLabel('Label for this folder (optional)').fill('Phone photos');
    await form.getByRole('button', { name: 'Sign in with Microsoft and add' }).click();
    await form.locator('.message').filter({ hasText: 'OneDrive folder “Camera Roll” added.' }).waitFor({ timeout: 30_000 });
    expect(oauth.log).toContain('token: authorization_code');
    // The first copy shows under the form as it happens.
    await form.locator('.first-copy').getByTestId('photo-count').filter({ hasText: 'Photos: 3' }).waitFor({ timeout: 60_000 });
    expect(await seriousViolationsInBothSchemes(options)).toEqual([]);
    await showSection(options, 'Accounts');
    const account = options.locator('.account', { hasText: 'Phone photos' });
    await account.getByText('OneDrive folder: Camera Roll').waitFor();
    await account.getByTestId('photo-count').filter({ hasText: 'Photos: 3' }).waitFor({ timeout: 60_000 });
    expect(graph.storage.log.map((r) => [r.name, r.status, r.authorized]).sort()).toEqual([
      ['IMG_0001.jpg', 200, false],
      ['IMG_0002.jpg', 200, false],
      ['clip.mp4', 200, false],
    ]);
    expect(await seriousViolationsInBothSchemes(options)).toEqual([]);
  });

  it('asks only for the changes on the next run, and shows the photos in the grid', async () => {
    graph.putFile('Pictures/Camera Roll/IMG_0003.jpg', makeJpeg({ takenAt: '2024:05:06 07:08:09', seed: 4 }));
    const account = options.locator('.account', { hasText: 'Phone photos' });
    await account.getByRole('button', { name: 'Sync now' }).click();
    await account.getByTestId('photo-count').filter({ hasText: 'Photos: 4' }).waitFor({ timeout: 60_000 });
    expect(graph.log.filter((l) => /\/delta\?token=\d+$/.test(l))).toHaveLength(1);
    const grid = await ext.openPage(`${OPTIONS}#browse/photos`);
    await grid.getByText('Showing 4 of 4 photos and videos.').waitFor();
    await expect.poll(() => grid.locator('.photo-grid img').count(), { timeout: 30_000 }).toBe(3);
    await grid.close();
  });
});
