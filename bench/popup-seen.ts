// When the popup itself first showed a first mirror's end: the full contact count and the
// account "up to date", noted on the epoch clock by a mutation observer inside the page. The
// test driver notices the same change later (it polls, and waits for one element, then the
// other: a few hundred ms under load), which a person looking at the popup does not.
import type { Page } from 'playwright-core';

interface Seen {
  count?: number;
  ok?: number;
}

type SeenWindow = Window & { lifeboatSeen?: Seen };

/** Starts watching the popup for `contacts` shown and "up to date". */
export async function watchPopupShows(popup: Page, contacts: number): Promise<void> {
  await popup.evaluate((count) => {
    const seen: Seen = {};
    (window as SeenWindow).lifeboatSeen = seen;
    // No named function in here: the bundler's name helper does not exist inside the page.
    new MutationObserver(() => {
      if (seen.count === undefined && document.querySelector('[data-testid="contact-count"]')?.textContent?.includes(count)) seen.count = Date.now();
      if (seen.ok === undefined && document.querySelector('.status-ok')) seen.ok = Date.now();
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    // A first look at what is already shown: this change of an attribute runs the observer.
    document.body.dataset.watched = 'shows';
  }, contacts.toLocaleString('en-US'));
}

/** The epoch ms when both were first on screen; call once the driver has seen them. */
export async function popupShowedAt(popup: Page): Promise<{ count: number; ok: number; both: number }> {
  const seen = await popup.evaluate(() => (window as SeenWindow).lifeboatSeen ?? {});
  if (seen.count === undefined || seen.ok === undefined) throw new Error('The popup was not watched, or never showed the full count and "up to date".');
  return { count: seen.count, ok: seen.ok, both: Math.max(seen.count, seen.ok) };
}
