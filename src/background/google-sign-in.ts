// "Sign in with Google": the code flow with PKCE in the browser's sign-in window, then Google's
// CardDAV and CalDAV found with the bearer token through the same DAV engine as any account.
// "Sign in again" repeats the sign-in for an account whose sign-in expired; its data stays.
import { openDb } from '../db/schema';
import { getAccount, insertAccount, updateAccount } from '../db/accounts';
import { configuredProvider } from '../auth/provider-settings';
import { signIn } from '../auth/sign-in';
import { saveTokens } from '../auth/token-store';
import type { FoundCollection } from '../shared/rpc-contract';
import { discoverServices } from './discover-services';
import { signInDeps } from './oauth-bearer';
import { syncOne } from './sync-runner';
import { refreshBadge } from './attention';

async function googleTokens() {
  const provider = await configuredProvider('google');
  const tokens = await signIn(provider, signInDeps(), true);
  const bearer = { accessToken: tokens.accessToken, renew: () => Promise.resolve(tokens.accessToken) };
  return { provider, tokens, bearer };
}

export async function signInWithGoogle(label: string): Promise<{ accountId: string; collections: FoundCollection[] }> {
  const { provider, tokens, bearer } = await googleTokens();
  const serverUrl = provider.endpoints.addressbook!;
  const calendarServerUrl = provider.endpoints.calendar!;
  const { services, collections } = await discoverServices({ label, serverUrl, calendarServerUrl, username: '', password: '' }, bearer);
  const id = crypto.randomUUID();
  await saveTokens(id, tokens);
  await insertAccount(openDb(), { id, kind: 'google', label: label.trim() || 'Google', serverUrl, calendarServerUrl, services, username: '' }, Date.now());
  void syncOne(id);
  return { accountId: id, collections: collections.map((c) => ({ name: c.displayName, kind: c.kind })) };
}

export async function signInAgain(accountId: string): Promise<{ ok: true }> {
  const db = openDb();
  const account = await getAccount(db, accountId);
  if (account.kind !== 'google') throw new Error('This account does not sign in.');
  const { tokens } = await googleTokens();
  await saveTokens(accountId, tokens);
  await updateAccount(db, accountId, { status: 'idle', lastError: null });
  await refreshBadge();
  void syncOne(accountId);
  return { ok: true };
}
