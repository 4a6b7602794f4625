// The token endpoint (RFC 6749 §4.1.3, §6): a code with its PKCE verifier, or a refresh token,
// for an access token. A public client sends its client_id and no secret (§2.3, RFC 8252 §8.5).
import { exchange } from '../http/exchange';
import { createHttpContext } from '../http/http-context';
import type { OAuthProvider } from './oauth-providers';
import { t } from '../catalog/catalog-text';

export interface TokenSet {
  accessToken: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
  refreshToken: string | null;
  scope: string;
  /** `chrome-identity`: Chrome holds this grant (identity-token.ts); renewed through it, not here. */
  via?: 'chrome-identity';
}

/** The grant is no longer good (revoked, expired, password changed): a person must sign in. */
export class GrantRejectedError extends Error {
  readonly code = 'auth';
  readonly status = 401;

  constructor(detail: string) {
    super(`The sign-in has expired (${detail}).`);
    this.name = 'GrantRejectedError';
  }
}

/**
 * One POST to the token endpoint through the HTTP layer: no credentials of any account travel
 * with it (the client_id and the code or refresh token are the form itself, RFC 6749 §4.1.3),
 * the answer is read up to the token cap, and a redirect is never followed (a POST's form must
 * not reach a host the provider did not name).
 */
async function post(provider: OAuthProvider, form: Record<string, string>, fetchImpl: typeof fetch | undefined, now: number, previous?: TokenSet): Promise<TokenSet> {
  const ctx = createHttpContext({ serverUrl: provider.tokenUrl, authorization: '', credentials: 'none', fetch: fetchImpl });
  const response = await exchange(ctx, {
    method: 'POST',
    url: provider.tokenUrl,
    headers: { Accept: 'application/json' },
    contentType: 'application/x-www-form-urlencoded',
    body: new URLSearchParams({ client_id: provider.clientId, ...form }).toString(),
    bodyKind: 'token',
  });
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(response.body) as Record<string, unknown>;
  } catch {
    // Not JSON (an error page): judged by its status below.
  }
  const text = (name: string): string => (typeof body[name] === 'string' ? body[name] : '');
  // RFC 6749 §5.2: invalid_grant is a dead code or refresh token; other errors are ours or the service's.
  if (response.status === 400 && body.error === 'invalid_grant') throw new GrantRejectedError(text('error_description') || 'invalid_grant');
  if (response.status < 200 || response.status > 299 || typeof body.access_token !== 'string') throw new Error(t('errorSignInServiceAnswered', response.status, text('error')).trim());
  return {
    accessToken: body.access_token,
    expiresAt: now + Number(body.expires_in ?? 3600) * 1000,
    // A refresh answer may omit the refresh token: the old one stays good (§6).
    refreshToken: typeof body.refresh_token === 'string' ? body.refresh_token : (previous?.refreshToken ?? null),
    scope: typeof body.scope === 'string' ? body.scope : (previous?.scope ?? ''),
  };
}

export function redeemCode(provider: OAuthProvider, code: string, verifier: string, redirectUri: string, fetchImpl: typeof fetch | undefined, now: number): Promise<TokenSet> {
  return post(provider, { grant_type: 'authorization_code', code, code_verifier: verifier, redirect_uri: redirectUri }, fetchImpl, now);
}

export function refreshTokens(provider: OAuthProvider, tokens: TokenSet, fetchImpl: typeof fetch | undefined, now: number): Promise<TokenSet> {
  if (!tokens.refreshToken) return Promise.reject(new GrantRejectedError('no refresh token'));
  return post(provider, { grant_type: 'refresh_token', refresh_token: tokens.refreshToken, scope: provider.scopes.join(' ') }, fetchImpl, now, tokens);
}
