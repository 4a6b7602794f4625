// Google tokens from Chrome itself: identity.getAuthToken
// (https://developer.chrome.com/docs/extensions/reference/api/identity#method-getAuthToken)
// signs in with the Google account of the Chrome profile and the manifest's oauth2 client ID,
// keeps the token in Chrome's own cache and renews it there; Lifeboat holds no refresh token.
// A token a server refused (401) is dropped from that cache with removeCachedAuthToken, as the
// same page asks, before a new one is asked for without any window (interactive: false).
// When that fails too, the person must sign in again: a GrantRejectedError, as for the web flow.
import type { OAuthProvider } from './oauth-providers';
import { GrantRejectedError, type TokenSet } from './token-endpoint';
import { t } from '../catalog/catalog-text';

/** The two calls of chrome.identity Lifeboat uses (Chrome answers them with promises since 105). */
export interface IdentityApi {
  getAuthToken(details: { interactive: boolean; scopes: string[] }): Promise<{ token?: string; grantedScopes?: string[] }>;
  removeCachedAuthToken(details: { token: string }): Promise<void>;
}

/** Chrome says nothing of a token's lifetime; Google's last about an hour. For display only. */
const ASSUMED_LIFETIME_MS = 50 * 60 * 1000;

export async function identityToken(api: IdentityApi, provider: OAuthProvider, interactive: boolean, now: number): Promise<TokenSet> {
  let answer: { token?: string; grantedScopes?: string[] };
  try {
    answer = await api.getAuthToken({ interactive, scopes: provider.scopes });
  } catch (error) {
    // Silently, any refusal means a person has to act; from a click, the reason is theirs to read.
    if (!interactive) throw new GrantRejectedError((error as Error).message || 'Chrome gave no token');
    throw error;
  }
  if (!answer.token) throw interactive ? new Error(t('errorChromeNoGoogleToken')) : new GrantRejectedError('Chrome gave no token');
  return { accessToken: answer.token, expiresAt: now + ASSUMED_LIFETIME_MS, refreshToken: null, scope: (answer.grantedScopes ?? provider.scopes).join(' '), via: 'chrome-identity' };
}

/** A token for a run: Chrome's cached one, or, after a 401 (`renew`), a new one in place of `refused`. */
export async function renewedIdentityToken(api: IdentityApi, provider: OAuthProvider, refused: string | null, now: number): Promise<TokenSet> {
  if (refused) await api.removeCachedAuthToken({ token: refused });
  return identityToken(api, provider, false, now);
}
