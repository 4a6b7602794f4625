// "Sign in with Google / Microsoft": the code flow with PKCE in the browser's sign-in window
// (or, where the identity service allows it and the Chrome build carries an oauth2 client ID,
// Chrome's own sign-in), then the account's collections found with the bearer token where its
// provider says (providers/<kind>/provider.ts: its own listing, or CardDAV and CalDAV discovery).
// "Sign in again" repeats the sign-in for an account whose sign-in expired; its data stays.
import { openDb } from '../db/schema';
import { getAccount, insertAccount, updateAccount } from '../db/accounts';
import { browserIdentityApi, browserIdentityOffer } from '../auth/chrome-identity';
import { readProviderSettings } from '../auth/provider-settings';
import { signInInteractively } from '../auth/sign-in';
import { tokenPath } from '../auth/token-path';
import { saveTokens } from '../auth/token-store';
import type { FoundCollection } from '../shared/rpc-contract';
import type { BearerAuth } from '../http/http-context';
import { t } from '../catalog/catalog-text';
import type { AccountKind } from '../model/account';
import type { CollectionKind, RemoteCollection } from '../model/source';
import { providerOf } from '../providers/registry';
import type { Discovery } from '../model/discovery';
import { discoverServices } from './discover-services';
import { providerFor, signInDeps } from './oauth-bearer';
import { syncOne } from './sync-runner';
import { refreshBadge } from './attention';
import { signsIn } from './account-secret';

export async function tokensFor(kind: AccountKind) {
  const provider = await providerFor(kind);
  // Chrome's own sign-in where the service, the browser and the build offer it, else the web flow.
  const path = tokenPath(provider, (await readProviderSettings())[provider.id] ?? {}, browserIdentityOffer());
  const tokens = await signInInteractively(provider, { ...signInDeps(), identity: path === 'chrome-identity' ? browserIdentityApi() : null });
  const bearer: BearerAuth = { accessToken: tokens.accessToken, renew: () => Promise.resolve(tokens.accessToken) };
  return { provider, tokens, bearer };
}

interface Found {
  serverUrl: string;
  calendarServerUrl: string | null;
  services: CollectionKind[];
  collections: RemoteCollection[];
  /** DAV: where the collections were found, saved so the first run does not look again. */
  discovery?: Partial<Record<CollectionKind, Discovery>>;
}

async function discover(kind: AccountKind, endpoints: Record<string, string>, bearer: BearerAuth): Promise<Found> {
  const { signIn } = providerOf(kind);
  if (!signIn) throw new Error(t('errorSecretMismatch'));
  const servers = signIn.servers(endpoints);
  if (signIn.discover) return { ...servers, ...(await signIn.discover(servers, bearer)) };
  const { serverUrl, calendarServerUrl } = servers;
  return { ...servers, ...(await discoverServices({ label: '', serverUrl, calendarServerUrl: calendarServerUrl ?? undefined, username: '', password: '' }, bearer)) };
}

export async function signInWith(kind: AccountKind): Promise<{ accountId: string; collections: FoundCollection[] }> {
  const { provider, tokens, bearer } = await tokensFor(kind);
  const { serverUrl, calendarServerUrl, services, collections, discovery } = await discover(kind, provider.endpoints, bearer);
  const accountId = crypto.randomUUID();
  await saveTokens(accountId, tokens);
  const label = providerOf(kind).setup.signIn?.name ?? kind;
  await insertAccount(openDb(), { id: accountId, kind, label, serverUrl, calendarServerUrl, services, username: '' }, Date.now());
  if (discovery !== undefined) await updateAccount(openDb(), accountId, { discovery });
  void syncOne(accountId);
  return { accountId, collections: collections.map((c) => ({ name: c.displayName, kind: c.kind })) };
}

export async function signInAgain(accountId: string): Promise<{ ok: true }> {
  const db = openDb();
  const account = await getAccount(db, accountId);
  if (!signsIn(account)) throw new Error(t('errorNotSignIn'));
  const { tokens } = await tokensFor(account.kind);
  await saveTokens(accountId, tokens);
  await updateAccount(db, accountId, { status: 'idle', lastError: null });
  await refreshBadge();
  void syncOne(accountId);
  return { ok: true };
}
