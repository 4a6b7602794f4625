// The popup's timings, each from the navigation's start (performance.now() is 0 there):
// - first paint: the page's own 'lifeboat:frame-painted' mark, the browser's first paint of the
//   frame (header, the account card's outline, the buttons), which the page itself holds before
//   any script runs (src/popup/index.html, main.tsx);
// - counts shown: its 'lifeboat:counts-shown' mark, set once the render with the counts is
//   committed (src/popup/main.tsx, popup.tsx);
// - open-to-interactive, as measured before the marks existed: the first animation frame after
//   the account card shows its real contact count, seen from outside the page's code.
// The watcher is injected before any of the page's scripts run (CDP, not a script tag: the
// extension's CSP forbids inline scripts).
import type { Page } from 'playwright-core';
import { POPUP } from '../test/browser/extension-pages';
import type { LifeboatBrowser } from './lifeboat-browser';

type Marks = { shownAt?: number };

/** The names the figures are reported under. */
export const POPUP_FIGURES = { firstPaint: 'popup first paint', countsShown: 'popup counts shown' } as const;

export interface PopupTiming {
  /** ms from navigation start to the card with its real count on screen (the figure kept since the first bench). */
  openToInteractive: number;
  /** ms from navigation start to the frame's first paint ('lifeboat:frame-painted'). */
  firstPaint: number;
  /** ms from navigation start to the counts committed on screen ('lifeboat:counts-shown'). */
  countsShown: number;
  /** ms from navigation start to each of the page's steps on the way (POPUP_STEPS), NaN where absent. */
  steps: Record<PopupStep, number>;
}

/**
 * The popup's steps (src/popup/main.tsx): its page's HTML received, its first script running,
 * the words painted, the worker's copy of the counts read from storage.session, the counts read
 * straight from the database. A step the page did not take (no copy yet) is NaN.
 */
export const POPUP_STEPS = ['html received', 'first script runs', 'words painted', 'counts copied', 'counts read directly'] as const;
export type PopupStep = (typeof POPUP_STEPS)[number];
const STEP_MARKS: Record<Exclude<PopupStep, 'html received'>, string> = {
  'first script runs': 'lifeboat:popup-start',
  'words painted': 'lifeboat:words-painted',
  'counts copied': 'lifeboat:counts-copied',
  'counts read directly': 'lifeboat:counts-read-directly',
};

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

/** Opens the popup page once and returns its three timings in ms; `path`: another build of the page (popup-floor-pages.ts). */
export async function timePopupPhases(lifeboat: LifeboatBrowser, contacts: number, path = POPUP): Promise<PopupTiming> {
  const page: Page = await lifeboat.ext.context.newPage();
  try {
    await page.setViewportSize({ width: 360, height: 420 });
    await page.addInitScript(watchForCounts, String(contacts));
    await page.goto(`chrome-extension://${lifeboat.ext.extensionId}/${path}`);
    const handle = await page.waitForFunction(() => (window as unknown as Marks).shownAt, undefined, { timeout: 30_000 });
    const openToInteractive = (await handle.jsonValue()) as number;
    // The counts' mark is set in an effect, which may run just after the frame seen above.
    await page.waitForFunction(() => performance.getEntriesByName('lifeboat:counts-shown').length > 0, undefined, { timeout: 30_000 });
    const [firstPaint, countsShown, ...marked] = await page.evaluate((names) => names.map((name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN), [
      'lifeboat:frame-painted',
      'lifeboat:counts-shown',
      ...Object.values(STEP_MARKS),
    ]);
    if (firstPaint === undefined || countsShown === undefined || Number.isNaN(firstPaint)) throw new Error('The popup set no lifeboat:frame-painted mark');
    const htmlReceived = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.responseEnd ?? NaN);
    const steps = { 'html received': htmlReceived, ...Object.fromEntries(Object.keys(STEP_MARKS).map((step, i) => [step, marked[i] ?? NaN])) } as Record<PopupStep, number>;
    return { openToInteractive, firstPaint, countsShown, steps };
  } finally {
    await page.close();
  }
}
