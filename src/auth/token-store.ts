// Tokens live only in the extension's own storage, like passwords (background/credentials.ts):
// never in the mirror, its exports or its backups. The refresh token (and the grant's scope)
// is a secret of storage.local, sealed when the passphrase lock is on. The access token lives an
// hour and is kept in storage.session only, which Chrome holds in memory and never writes to
// disk (https://developer.chrome.com/docs/extensions/reference/api/storage#property-session):
// after the browser restarts there is none, and the next run renews it from the refresh token
// (auth/access-token.ts treats a missing one as expired).
import { browser } from '../shared/browser';
import { readSecret, removeSecret, writeSecret } from '../secrets/secret-store';
import type { TokenSet } from './token-endpoint';

const key = (accountId: string): string => `oauth-tokens:${accountId}`;
const sessionKey = (accountId: string): string => `oauth-access:${accountId}`;

type KeptGrant = Omit<TokenSet, 'accessToken' | 'expiresAt'> & Partial<Pick<TokenSet, 'accessToken' | 'expiresAt'>>;
type SessionToken = Pick<TokenSet, 'accessToken' | 'expiresAt'>;

export async function saveTokens(accountId: string, tokens: TokenSet): Promise<void> {
  const { accessToken, expiresAt, ...grant } = tokens;
  // The grant first: while locked it cannot be stored, and then neither is the access token.
  await writeSecret(key(accountId), grant);
  await browser.storage.session.set({ [sessionKey(accountId)]: { accessToken, expiresAt } satisfies SessionToken });
}

export async function loadTokens(accountId: string): Promise<TokenSet | null> {
  const grant = await readSecret<KeptGrant>(key(accountId));
  if (!grant || typeof grant !== 'object') return null;
  const session = (await browser.storage.session.get(sessionKey(accountId)))[sessionKey(accountId)] as SessionToken | undefined;
  if (typeof grant.accessToken === 'string') {
    // Written before access tokens moved to the session: moved there now, and off the disk.
    await saveTokens(accountId, { ...grant, accessToken: grant.accessToken, expiresAt: grant.expiresAt ?? 0 });
  }
  const access = session ?? { accessToken: grant.accessToken ?? '', expiresAt: grant.expiresAt ?? 0 };
  const { accessToken: _old, expiresAt: _oldExpiry, ...rest } = grant;
  return { ...rest, accessToken: access.accessToken, expiresAt: access.expiresAt };
}

export async function forgetTokens(accountId: string): Promise<void> {
  await browser.storage.session.remove(sessionKey(accountId));
  await removeSecret(key(accountId));
}
