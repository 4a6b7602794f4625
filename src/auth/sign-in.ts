// One sign-in: PKCE pair and state, the browser's web auth flow to the authorize endpoint, the
// code redeemed at the token endpoint. Interactive from a click; silent (prompt=none) to renew
// while the person stays signed in to the service in this browser. Where Chrome's own Google
// sign-in is used instead (token-path.ts), identity-token.ts does it all.
import { authorizeUrl, codeFromRedirect } from './authorize-url';
import { identityToken, type IdentityApi } from './identity-token';
import type { OAuthProvider } from './oauth-providers';
import { pkcePair, randomToken } from './pkce';
import { redeemCode, type TokenSet } from './token-endpoint';
import { t } from '../catalog/catalog-text';

/** The browser's part: identity.launchWebAuthFlow in the extension (browser-auth-flow.ts). */
export interface WebAuthFlow {
  redirectUri: string;
  /** Resolves with the URL the service redirected to; rejects when the flow could not finish. */
  launch(url: string, interactive: boolean): Promise<string>;
}

export interface SignInDeps {
  flow: WebAuthFlow;
  /** Tests hand in their own; by default the HTTP layer's (http/send.ts). */
  fetch?: typeof fetch;
  now: () => number;
  /**
   * Chrome's identity.getAuthToken, when a Google sign-in goes through it (token-path.ts);
   * also what renews the tokens it gave (access-token.ts).
   */
  identity?: IdentityApi | null;
}

export async function signIn(provider: OAuthProvider, deps: SignInDeps, interactive: boolean, loginHint?: string): Promise<TokenSet> {
  if (!provider.clientId) throw new Error(t('errorNoClientId', provider.id));
  const { verifier, challenge } = await pkcePair();
  const state = randomToken(16);
  const url = authorizeUrl(provider, { redirectUri: deps.flow.redirectUri, state, challenge, ...(interactive ? {} : { prompt: 'none' }), ...(loginHint ? { loginHint } : {}) });
  const redirect = await deps.flow.launch(url, interactive);
  return redeemCode(provider, codeFromRedirect(redirect, state), verifier, deps.flow.redirectUri, deps.fetch, deps.now());
}

/** A sign-in from a click: through Chrome's identity API when `deps.identity` is given, else the web flow. */
export function signInInteractively(provider: OAuthProvider, deps: SignInDeps): Promise<TokenSet> {
  return deps.identity ? identityToken(deps.identity, provider, true, deps.now()) : signIn(provider, deps, true);
}
