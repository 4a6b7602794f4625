// One sign-in: PKCE pair and state, the browser's web auth flow to the authorize endpoint, the
// code redeemed at the token endpoint. Interactive from a click; silent (prompt=none) to renew
// while the person stays signed in to the service in this browser.
import { authorizeUrl, codeFromRedirect } from './authorize-url';
import type { OAuthProvider } from './oauth-providers';
import { pkcePair, randomToken } from './pkce';
import { redeemCode, type TokenSet } from './token-endpoint';

/** The browser's part: identity.launchWebAuthFlow in the extension (browser-auth-flow.ts). */
export interface WebAuthFlow {
  redirectUri: string;
  /** Resolves with the URL the service redirected to; rejects when the flow could not finish. */
  launch(url: string, interactive: boolean): Promise<string>;
}

export interface SignInDeps {
  flow: WebAuthFlow;
  fetch: typeof fetch;
  now: () => number;
}

export async function signIn(provider: OAuthProvider, deps: SignInDeps, interactive: boolean, loginHint?: string): Promise<TokenSet> {
  if (!provider.clientId) throw new Error(`No OAuth client ID is set for ${provider.id}: see Options → Advanced, and docs/ACCOUNTS.md.`);
  const { verifier, challenge } = await pkcePair();
  const state = randomToken(16);
  const url = authorizeUrl(provider, { redirectUri: deps.flow.redirectUri, state, challenge, ...(interactive ? {} : { prompt: 'none' }), ...(loginHint ? { loginHint } : {}) });
  const redirect = await deps.flow.launch(url, interactive);
  return redeemCode(provider, codeFromRedirect(redirect, state), verifier, deps.flow.redirectUri, deps.fetch, deps.now());
}
