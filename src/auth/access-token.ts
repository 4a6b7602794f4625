// A valid access token for an account, renewed without a word while possible: the stored one
// if it has a minute left, else the refresh token, else a silent sign-in (prompt=none, which
// works while the person is signed in to the service in this browser). Tokens Chrome gave
// (identity-token.ts) are asked of Chrome again instead. When all fail, a GrantRejectedError:
// the account waits for "Sign in again"; its mirrored data stays.
import { renewedIdentityToken } from './identity-token';
import type { OAuthProvider } from './oauth-providers';
import { signIn, type SignInDeps } from './sign-in';
import { GrantRejectedError, refreshTokens, type TokenSet } from './token-endpoint';

export interface TokenKeeper {
  load(): Promise<TokenSet | null>;
  save(tokens: TokenSet): Promise<void>;
}

const MARGIN_MS = 60_000;

export async function accessToken(provider: OAuthProvider, keeper: TokenKeeper, deps: SignInDeps, options: { renew?: boolean } = {}): Promise<string> {
  const stored = await keeper.load();
  if (!stored) throw new GrantRejectedError('not signed in');
  if (stored.via === 'chrome-identity') {
    // Chrome keeps and renews these itself: each run asks it (its cache answers without a request).
    if (!deps.identity) throw new GrantRejectedError('this browser no longer offers Chrome’s Google sign-in');
    const fresh = await renewedIdentityToken(deps.identity, provider, options.renew ? stored.accessToken : null, deps.now());
    await keeper.save(fresh);
    return fresh.accessToken;
  }
  if (!options.renew && stored.expiresAt - MARGIN_MS > deps.now()) return stored.accessToken;
  let renewed: TokenSet;
  try {
    renewed = await refreshTokens(provider, stored, deps.fetch, deps.now());
  } catch (error) {
    if (!(error instanceof GrantRejectedError)) throw error;
    renewed = await signIn(provider, deps, false).catch(() => {
      throw error;
    });
  }
  await keeper.save(renewed);
  return renewed.accessToken;
}
