// The extension's pages as a person uses them, for the end-to-end tests and the demo.
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './extension-browser';

export const POPUP = 'src/popup/index.html';
export const OPTIONS = 'src/options/index.html';

export interface AccountForm {
  serverUrl: string;
  username: string;
  password: string;
  label?: string;
}

/** The options page's sections by their names in the navigation, and their addresses. */
export const SECTIONS = {
  Accounts: 'accounts',
  Photos: 'photos',
  'Export & backups': 'backups',
  Restore: 'restore',
  'Schedule & safety': 'safety',
  Activity: 'activity',
} as const;
export type SectionName = keyof typeof SECTIONS;

/** Opens the options page at its Accounts section (with no account, the bare address opens the setup). */
export async function openOptions(ext: ExtensionBrowser): Promise<Page> {
  const page = await ext.openPage(`${OPTIONS}#accounts`, { width: 1000, height: 900 });
  await page.getByRole('heading', { name: 'Add an account' }).waitFor();
  return page;
}

/** Goes to one section of the options page through its navigation, as a person would. */
export async function showSection(page: Page, name: SectionName): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
  await page.locator(`nav a[aria-current="page"][href="#${SECTIONS[name]}"]`).waitFor();
}

/** Fills the add-account form and clicks a button; returns the message the page shows. */
export async function submitAccount(page: Page, form: AccountForm, button: 'Add account' | 'Test connection' = 'Add account'): Promise<string> {
  await fillAccountForm(page, form);
  return clickAccountButton(page, button);
}

/** Types the account into the form, as a person would before clicking. */
export async function fillAccountForm(page: Page, form: AccountForm): Promise<void> {
  // Filling the fields clears the previous message, so the one read after the click is its own.
  // Within the account form: the page has other forms (a calendar feed) with similar fields.
  const account = page.locator('form.add-account');
  await account.getByLabel('Server address', { exact: true }).fill(form.serverUrl);
  await account.getByLabel('User name').fill(form.username);
  await account.getByLabel('Password or app password').fill(form.password);
  if (form.label) await account.getByLabel('Name for this account (optional)').fill(form.label);
}

/** Clicks the filled form's button and returns the message it brings. */
export async function clickAccountButton(page: Page, button: 'Add account' | 'Test connection' = 'Add account'): Promise<string> {
  const account = page.locator('form.add-account');
  await account.getByRole('button', { name: button, exact: true }).click();
  const message = account.locator('.message');
  await page.waitForFunction(
    (el) => !!el && el.textContent !== '' && el.textContent !== 'Contacting the server…',
    await message.elementHandle(),
    { timeout: 30_000 },
  );
  return (await message.textContent()) ?? '';
}

export async function openPopup(ext: ExtensionBrowser): Promise<Page> {
  const page = await ext.openPage(POPUP, { width: 360, height: 420 });
  await page.locator('main.popup:not([aria-busy])').waitFor();
  return page;
}

/** Waits until the popup shows `count` contacts and the account is up to date. */
export async function waitForMirror(popup: Page, count: number, timeoutMs = 60_000): Promise<void> {
  await popup.getByTestId('contact-count').filter({ hasText: `Contacts: ${count.toLocaleString('en-US')}` }).first().waitFor({ timeout: timeoutMs });
  await popup.locator('.status-ok').first().waitFor({ timeout: timeoutMs });
}

/** Enters a sign-in client ID in Options → Advanced, saves it, and reloads the page, as a person would. */
export async function saveClientId(page: Page, provider: 'Google' | 'Microsoft', clientId: string): Promise<void> {
  await page.getByText('Advanced: sign-in client IDs').click();
  await page.getByLabel(`${provider} client ID`).fill(clientId);
  await page.getByRole('button', { name: 'Save client IDs' }).click();
  await page.getByText('Client IDs saved.').waitFor();
  await page.reload();
}

/** Clicks "Sign in with …" and returns the message once the account is added. */
export async function signInWith(page: Page, provider: 'Google' | 'Microsoft'): Promise<string> {
  await page.getByRole('button', { name: `Sign in with ${provider}`, exact: true }).click();
  const added = page.locator('.sign-in .message').filter({ hasText: /Account added/ });
  await added.waitFor({ timeout: 30_000 });
  return (await added.textContent()) ?? '';
}
