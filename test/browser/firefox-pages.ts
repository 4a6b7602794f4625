// The extension's pages in Firefox as a person uses them, through puppeteer-core: the same
// steps as extension-pages.ts (Chromium, Playwright), with clicks sent as real input (a host
// permission request needs a user gesture).
import type { Page } from 'puppeteer-core';
import type { FirefoxExtension } from './firefox-browser';
import { OPTIONS, POPUP, type AccountForm } from './extension-pages';

export async function openFirefoxOptions(ext: FirefoxExtension): Promise<Page> {
  // With no account the bare address opens the setup; the full form is under Accounts.
  const page = await ext.openPage(`${OPTIONS}#accounts`);
  await page.waitForSelector('form.add-account');
  return page;
}

export async function openFirefoxPopup(ext: FirefoxExtension): Promise<Page> {
  const page = await ext.openPage(POPUP);
  await page.waitForSelector('main.popup:not([aria-busy])');
  return page;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Waits until an element matching `selector` contains `text`; returns its whole text. */
export async function waitForText(page: Page, selector: string, text: string | RegExp, timeoutMs = 60_000): Promise<string> {
  const pattern = typeof text === 'string' ? { source: escapeRegExp(text), flags: '' } : { source: text.source, flags: text.flags };
  const handle = await page.waitForFunction(
    (sel: string, source: string, flags: string) => {
      const re = new RegExp(source, flags);
      return [...document.querySelectorAll(sel)].map((el) => el.textContent ?? '').find((t) => re.test(t)) ?? false;
    },
    { polling: 200, timeout: timeoutMs },
    selector,
    pattern.source,
    pattern.flags,
  );
  return String(await handle.jsonValue());
}

export async function clickButton(page: Page, name: string, within = ''): Promise<void> {
  await page.locator(`${within} button::-p-text(${name})`).click();
}

/** Fills the add-account form and clicks Add account; returns the message the page shows once the work is done. */
export function addAccountInFirefox(page: Page, form: AccountForm, timeoutMs = 60_000): Promise<string> {
  const { label, ...required } = form;
  return submitFormInFirefox(page, 'form.add-account', { ...required, ...(label ? { label } : {}) }, timeoutMs);
}

/**
 * Fills the inputs of the form `formSelector` by name and submits it; returns the message the
 * form shows once the work is done (anything but "Contacting the server…").
 */
export async function submitFormInFirefox(page: Page, formSelector: string, inputs: Record<string, string>, timeoutMs = 60_000): Promise<string> {
  for (const [name, value] of Object.entries(inputs)) await page.locator(`${formSelector} input[name=${name}]`).fill(value);
  await page.click(`${formSelector} button[type=submit]`);
  return waitForText(page, `${formSelector} .message`, /^(?!Contacting the server…$)./, timeoutMs);
}

/** Waits until the account named `label` in the options page's list shows `count` (e.g. "Events: 9") and its last run ended well. */
export async function waitForAccountInFirefox(page: Page, label: string, count: string, timeoutMs = 60_000): Promise<void> {
  await waitForText(page, '.account', new RegExp(`${escapeRegExp(label)}[\\s\\S]*${escapeRegExp(count)}`), timeoutMs);
  await page.waitForFunction((name: string) => [...document.querySelectorAll('.account')].some((el) => el.textContent?.includes(name) && el.querySelector('.status-ok')), { polling: 200, timeout: timeoutMs }, label);
}

/** Waits until the popup shows `count` contacts and the account is up to date. */
export async function waitForFirefoxMirror(popup: Page, count: number, timeoutMs = 60_000): Promise<void> {
  await waitForText(popup, '[data-testid=contact-count]', `Contacts: ${count.toLocaleString('en-US')}`, timeoutMs);
  await popup.waitForSelector('.status-ok', { timeout: timeoutMs });
}
