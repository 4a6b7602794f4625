// "Sign in with Google / Microsoft": the code flow with PKCE in the browser's sign-in window
// (or, for Google in Chrome builds that carry an oauth2 client ID, Chrome's own sign-in),
// then the account's collections found with the bearer token: Google's CardDAV and CalDAV
// through the DAV engine, Microsoft's through Graph (graph-source.ts). "Sign in again" repeats
// the sign-in for an account whose sign-in expired; its data stays.
import { openDb } from '../db/schema';
import { getAccount, insertAccount, updateAccount } from '../db/accounts';
import type { ProviderId } from '../auth/oauth-providers';
import { browserIdentityApi, browserIdentityOffer } from '../auth/chrome-identity';
import { readProviderSettings } from '../auth/provider-settings';
import { signInInteractively } from '../auth/sign-in';
import { tokenPath } from '../auth/token-path';
import { saveTokens } from '../auth/token-store';
import type { FoundCollection } from '../shared/rpc-contract';
import type { BearerAuth } from '../http/http-context';
import type { CollectionKind, RemoteCollection } from '../model/source';
import { graphSource } from '../providers/microsoft/graph-source';
import { discoverServices } from './discover-services';
import { providerFor, signInDeps, type SignInKind } from './oauth-bearer';
import { syncOne } from './sync-runner';
import { refreshBadge } from './attention';
import { signsIn } from './account-secret';
import { t } from '../model/catalog-text';

const LABELS: Record<ProviderId, string> = { google: 'Google', microsoft: 'Microsoft' };

export async function tokensFor(kind: SignInKind) {
  const provider = await providerFor(kind);
  // Chrome's own Google sign-in where the browser and the build offer it, else the web flow.
  const id: ProviderId = kind === 'onedrive-photos' ? 'microsoft' : kind;
  const path = tokenPath(id, (await readProviderSettings())[id] ?? {}, browserIdentityOffer());
  const tokens = await signInInteractively(provider, { ...signInDeps(), identity: path === 'chrome-identity' ? browserIdentityApi() : null });
  const bearer: BearerAuth = { accessToken: tokens.accessToken, renew: () => Promise.resolve(tokens.accessToken) };
  return { provider, tokens, bearer };
}

interface Found {
  serverUrl: string;
  calendarServerUrl: string | null;
  services: CollectionKind[];
  collections: RemoteCollection[];
}

async function discover(id: ProviderId, endpoints: Record<string, string>, bearer: BearerAuth): Promise<Found> {
  if (id === 'microsoft') {
    const serverUrl = endpoints.graph!;
    const services: CollectionKind[] = ['addressbook', 'calendar'];
    const collections = await graphSource({ services }, { graphUrl: serverUrl, bearer }, { retry: { maxAttempts: 2 } }).listCollections();
    return { serverUrl, calendarServerUrl: null, services, collections };
  }
  const serverUrl = endpoints.addressbook!;
  const calendarServerUrl = endpoints.calendar!;
  return { serverUrl, calendarServerUrl, ...(await discoverServices({ label: '', serverUrl, calendarServerUrl, username: '', password: '' }, bearer)) };
}

export async function signInWith(id: ProviderId): Promise<{ accountId: string; collections: FoundCollection[] }> {
  const { provider, tokens, bearer } = await tokensFor(id);
  const { serverUrl, calendarServerUrl, services, collections } = await discover(id, provider.endpoints, bearer);
  const accountId = crypto.randomUUID();
  await saveTokens(accountId, tokens);
  await insertAccount(openDb(), { id: accountId, kind: id, label: LABELS[id], serverUrl, calendarServerUrl, services, username: '' }, Date.now());
  void syncOne(accountId);
  return { accountId, collections: collections.map((c) => ({ name: c.displayName, kind: c.kind })) };
}

export async function signInAgain(accountId: string): Promise<{ ok: true }> {
  const db = openDb();
  const account = await getAccount(db, accountId);
  if (!signsIn(account)) throw new Error(t('errorAccountDoesNotSignIn'));
  const { tokens } = await tokensFor(account.kind);
  await saveTokens(accountId, tokens);
  await updateAccount(db, accountId, { status: 'idle', lastError: null });
  await refreshBadge();
  void syncOne(accountId);
  return { ok: true };
}
