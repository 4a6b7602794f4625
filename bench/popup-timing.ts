// Popup open-to-interactive: from the navigation's start (performance.now() is 0 there) to the
// first frame that shows the account card with its real contact count, its buttons live.
// The watcher is injected before any of the page's scripts run (CDP, not a script tag: the
// extension's CSP forbids inline scripts).
import type { Page } from 'playwright-core';
import { POPUP } from '../test/browser/extension-pages';
import type { LifeboatBrowser } from './lifeboat-browser';

type Marks = { shownAt?: number };

function watchForCounts(expected: string): void {
  const marks = window as unknown as Marks;
  const observer = new MutationObserver(() => {
    const count = document.querySelector('.account [data-testid="contact-count"]');
    if (!count || (count.textContent ?? '').replace(/\D/g, '') !== expected) return;
    observer.disconnect();
    // The next animation frame: the card is on screen, not only in the DOM.
    requestAnimationFrame(() => (marks.shownAt = performance.now()));
  });
  observer.observe(document, { subtree: true, childList: true, characterData: true });
}

/** Opens the popup page once and returns its open-to-interactive time in ms. */
export async function timePopupOpen(lifeboat: LifeboatBrowser, contacts: number): Promise<number> {
  const page: Page = await lifeboat.ext.context.newPage();
  try {
    await page.setViewportSize({ width: 360, height: 420 });
    await page.addInitScript(watchForCounts, String(contacts));
    await page.goto(`chrome-extension://${lifeboat.ext.extensionId}/${POPUP}`);
    const handle = await page.waitForFunction(() => (window as unknown as Marks).shownAt, undefined, { timeout: 30_000 });
    return (await handle.jsonValue()) as number;
  } finally {
    await page.close();
  }
}
