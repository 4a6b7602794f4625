// Starts Debian's Firefox ESR with the built Firefox extension installed, and drives it with
// puppeteer-core over WebDriver BiDi (Playwright's Firefox is a patched build, not this one).
// The profile's preferences do what a person's clicks would: downloads go to the profile's
// folder without asking, the extension's UUID is fixed (so its pages have a known address),
// optional host permissions are granted without a prompt nobody can click, and the event
// page's idle stop can be shortened for a test that proves long work survives it.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { GECKO_ID } from '../../scripts/firefox-manifest';

export const FIREFOX = process.env.LIFEBOAT_FIREFOX ?? '/usr/bin/firefox-esr';

export interface FirefoxExtension {
  browser: Browser;
  /** moz-extension://<uuid> */
  origin: string;
  downloadsDir: string;
  openPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

export interface FirefoxLaunchOptions {
  extensionDir: string;
  /** Seconds of idleness before Firefox stops the event page (Firefox's default: 30). */
  idleTimeoutSeconds?: number;
}

export async function launchFirefoxExtension(options: FirefoxLaunchOptions): Promise<FirefoxExtension> {
  const profile = mkdtempSync(join(tmpdir(), 'lifeboat-firefox-'));
  const downloadsDir = join(profile, 'Downloads');
  mkdirSync(downloadsDir, { recursive: true });
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: !process.env.DISPLAY,
    protocol: 'webDriverBiDi',
    // A slow-server test waits minutes in one waitForFunction: its own timeout should speak first.
    protocolTimeout: 600_000,
    // Lets the automation open moz-extension:// pages.
    args: ['-remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
      // What a person's "Allow" on the permission prompt grants.
      'extensions.webextOptionalPermissionPrompts': false,
      'xpinstall.signatures.required': false,
      'browser.download.folderList': 2,
      'browser.download.dir': downloadsDir,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.start_downloads_in_tmp_dir': false,
      'browser.download.panel.shown': true,
      ...(options.idleTimeoutSeconds ? { 'extensions.background.idle.timeout': options.idleTimeoutSeconds * 1000 } : {}),
    },
    userDataDir: profile,
  });
  await browser.installExtension(options.extensionDir);
  const origin = `moz-extension://${uuid}`;
  return {
    browser,
    origin,
    downloadsDir,
    async openPage(path) {
      const page = await browser.newPage();
      await page.setViewport({ width: 1000, height: 900 });
      await gotoExtensionPage(page, `${origin}/${path}`);
      return page;
    },
    async close() {
      await browser.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    },
  };
}

/**
 * A navigation to a moz-extension:// address may never report its load over BiDi: start it
 * without waiting, then wait for the document itself.
 */
export async function gotoExtensionPage(page: Page, url: string): Promise<void> {
  void page.goto(url, { waitUntil: 'domcontentloaded', timeout: 0 }).catch(() => undefined);
  // Polled by hand: an evaluation that meets the document being replaced fails with a protocol
  // error ("right-hand side of 'in' should be an object") instead of waiting, so that error is
  // one more look, not the end of the test.
  const deadline = Date.now() + 30_000;
  for (;;) {
    const ready = await page
      .evaluate((expected: string) => location.href === expected && document.readyState === 'complete', url)
      .catch(() => false);
    if (ready) return;
    if (Date.now() > deadline) throw new Error(`Firefox did not open ${url} within 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
