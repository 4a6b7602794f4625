// Tokens live only in the extension's own storage, like passwords (background/credentials.ts):
// never in the mirror, its exports or its backups.
import { browser } from '../shared/browser';
import type { TokenSet } from './token-endpoint';

const key = (accountId: string): string => `oauth-tokens:${accountId}`;

export async function saveTokens(accountId: string, tokens: TokenSet): Promise<void> {
  await browser.storage.local.set({ [key(accountId)]: tokens });
}

export async function loadTokens(accountId: string): Promise<TokenSet | null> {
  const stored = (await browser.storage.local.get(key(accountId)))[key(accountId)] as TokenSet | undefined;
  return stored && typeof stored.accessToken === 'string' ? stored : null;
}

export async function forgetTokens(accountId: string): Promise<void> {
  await browser.storage.local.remove(key(accountId));
}
