// Starts Debian's Chromium with the built extension loaded, the way a person would run it,
// and connects Playwright to it over the DevTools protocol. We start Chromium ourselves
// (rather than Playwright's launcher) so that downloads go where a person's would: to the
// profile's download folder, under the names the extension chose.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const CHROMIUM = process.env.LIFEBOAT_CHROMIUM ?? '/usr/bin/chromium';

export interface ExtensionBrowser {
  browser: Browser;
  context: BrowserContext;
  extensionId: string;
  downloadsDir: string;
  /** Chromium's process group: the browser and every helper it started (for memory figures). */
  processGroup: number;
  serviceWorker(): Promise<Worker>;
  openPage(path: string, size?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  extensionDir: string;
  downloadsDir?: string;
  headless?: boolean;
  /**
   * A profile folder to use and keep, for a test that stops the browser and starts it again on
   * the same profile (then closing asks Chromium to quit, so that it writes what it holds).
   * A fresh temporary profile, removed on close, otherwise.
   */
  profileDir?: string;
  /** More Chromium switches, for one test's launch only (e.g. a self-signed test certificate). */
  extraArgs?: string[];
}

export async function launchExtensionBrowser(options: LaunchOptions): Promise<ExtensionBrowser> {
  const profile = options.profileDir ?? mkdtempSync(join(tmpdir(), 'lifeboat-profile-'));
  const downloadsDir = options.downloadsDir ?? join(profile, 'Downloads');
  mkdirSync(join(profile, 'Default'), { recursive: true });
  mkdirSync(downloadsDir, { recursive: true });
  // A kept profile has its preferences from the first start.
  if (!existsSync(join(profile, 'Default', 'Preferences'))) writeFileSync(
    join(profile, 'Default', 'Preferences'),
    JSON.stringify({ download: { default_directory: downloadsDir, prompt_for_download: false, directory_upgrade: true } }),
  );
  // Its own process group, so that closing it also ends its helpers (crashpad, zygote).
  const child = spawn(CHROMIUM, chromiumArgs(profile, options), { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  // Detached, it would outlive a test run that dies: end it with this process.
  const endWithUs = () => killGroup(child);
  process.once('exit', endWithUs);
  const endpoint = await devToolsEndpoint(child);
  const browser = await chromium.connectOverCDP(endpoint);
  const context = browser.contexts()[0] ?? (await browser.newContext());
  // Playwright redirects downloads into its own folder under random names; hand them back
  // to Chromium, which saves them in the profile's download folder under the extension's names.
  const cdp = await browser.newBrowserCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'default' });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;

  return {
    browser,
    context,
    extensionId,
    downloadsDir,
    processGroup: child.pid ?? 0,
    async serviceWorker() {
      const current = context.serviceWorkers().find((w) => w.url().includes(extensionId));
      return current ?? context.waitForEvent('serviceworker', { timeout: 30_000 });
    },
    async openPage(path, size = { width: 1000, height: 800 }) {
      const page = await context.newPage();
      await page.setViewportSize(size);
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async close() {
      // Chromium may still be writing its profile: wait until it has really exited.
      const exited = new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));
      if (options.profileDir) {
        await cdp.send('Browser.close').catch(() => undefined);
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
      }
      await browser.close().catch(() => undefined);
      killGroup(child);
      process.off('exit', endWithUs);
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      if (options.profileDir) return;
      try {
        rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
      } catch (error) {
        // A leftover temp folder is no reason to fail a test run.
        console.warn(`Could not remove the browser profile ${profile}: ${(error as Error).message}`);
      }
    },
  };
}

function killGroup(child: ChildProcess): void {
  try {
    if (child.pid) process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

function chromiumArgs(profile: string, options: LaunchOptions): string[] {
  const headless = options.headless ?? !process.env.DISPLAY;
  return [
    `--user-data-dir=${profile}`,
    '--remote-debugging-port=0',
    `--disable-extensions-except=${options.extensionDir}`,
    `--load-extension=${options.extensionDir}`,
    ...(headless ? ['--headless=new'] : []),
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    // This network is closed: no background traffic to Google's services.
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--disable-gpu',
    '--no-first-run',
    '--no-default-browser-check',
    '--password-store=basic',
    ...(options.extraArgs ?? []),
    'about:blank',
  ];
}

/** Chromium prints its DevTools address on stderr once it listens. */
function devToolsEndpoint(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start:\n${output.slice(-2000)}`)), 30_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited (${code}) before it listened:\n${output.slice(-2000)}`));
    });
  });
}
