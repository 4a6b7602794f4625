// Passwords (and the full addresses of calendar feeds, which carry their secret) live only in the extension's own storage (storage.local), never in the mirror
// database, so that an exported database or archive can never carry them.
import { browser } from '../shared/browser';

const key = (accountId: string): string => `credentials:${accountId}`;

export async function savePassword(accountId: string, password: string): Promise<void> {
  await browser.storage.local.set({ [key(accountId)]: password });
}

export async function loadPassword(accountId: string): Promise<string> {
  const stored = await browser.storage.local.get(key(accountId));
  const password = stored[key(accountId)];
  if (typeof password !== 'string') throw new Error('The password for this account is missing. Enter it again in Options.');
  return password;
}

export async function forgetPassword(accountId: string): Promise<void> {
  await browser.storage.local.remove(key(accountId));
}
