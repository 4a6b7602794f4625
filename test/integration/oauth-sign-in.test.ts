// The OAuth core against the test authorization server: a sign-in with PKCE, the server's
// refusals (redirect URI, scope, a verifier that does not match), and renewal without a word:
// refresh token, then a silent sign-in, then "sign in again" when neither works.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOAuthServer, type OAuthTestServer } from '../harness/oauth-server';
import { nodeAuthFlow } from '../support/node-auth-flow';
import { providerWith, type OAuthProvider } from '../../src/auth/oauth-providers';
import { GOOGLE_OAUTH } from '../../src/providers/google/oauth';
import { signIn } from '../../src/auth/sign-in';
import { accessToken, type TokenKeeper } from '../../src/auth/access-token';
import { GrantRejectedError, redeemCode, type TokenSet } from '../../src/auth/token-endpoint';

const CLIENT = 'lifeboat-test-client';
const REDIRECT = 'https://lifeboat-test.chromiumapp.org/';
let server: OAuthTestServer;
let provider: OAuthProvider;

beforeAll(async () => {
  const google = providerWith(GOOGLE_OAUTH);
  server = await startOAuthServer({ clientId: CLIENT, redirectUris: [REDIRECT], scopes: google.scopes });
  provider = providerWith(GOOGLE_OAUTH, { clientId: CLIENT, authorizeUrl: server.authorizeUrl, tokenUrl: server.tokenUrl });
});
afterAll(() => server?.stop());

const deps = (flow = nodeAuthFlow(REDIRECT)) => ({ flow, fetch: globalThis.fetch, now: Date.now });

function memoryKeeper(initial: TokenSet): TokenKeeper & { tokens: TokenSet } {
  const keeper = { tokens: initial, load: () => Promise.resolve(keeper.tokens), save: (t: TokenSet) => Promise.resolve(void (keeper.tokens = t)) };
  return keeper;
}

describe('signing in with the code flow and PKCE', () => {
  it('signs in, and the authorize URL carries an S256 challenge and no secret', async () => {
    const flow = nodeAuthFlow(REDIRECT);
    const tokens = await signIn(provider, deps(flow), true);
    expect(tokens.refreshToken).toBeTruthy();
    expect(server.isValidAccessToken(tokens.accessToken)).toBe(true);
    const asked = new URL(flow.launched[0]!);
    expect(asked.searchParams.get('code_challenge_method')).toBe('S256');
    expect(asked.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(asked.searchParams.get('access_type')).toBe('offline');
    expect(flow.launched[0]).not.toMatch(/secret/);
  });

  it('is refused for a redirect URI, a scope or a verifier the server does not accept', async () => {
    await expect(signIn(provider, deps(nodeAuthFlow('https://elsewhere.chromiumapp.org/')), true)).rejects.toThrow(/did not finish: 400/);
    await expect(signIn({ ...provider, scopes: ['https://mail.google.com/'] }, deps(), true)).rejects.toThrow(/invalid_scope/);
    const stolen = nodeAuthFlow(REDIRECT);
    const wrongVerifier = { ...stolen, launch: async (url: string) => {
      const redirect = await stolen.launch(url, true);
      // Redeem the code first with another verifier, as an intercepting app would.
      await expect(redeemCode(provider, new URL(redirect).searchParams.get('code')!, 'x'.repeat(43), REDIRECT, fetch, Date.now())).rejects.toThrow(GrantRejectedError);
      return redirect;
    } };
    // The code was spent by the failed attempt: single use (RFC 6749 §4.1.2).
    await expect(signIn(provider, deps(wrongVerifier), true)).rejects.toThrow(GrantRejectedError);
  });

  it('renews an expired token with the refresh token, then silently, then asks the person', async () => {
    const keeper = memoryKeeper(await signIn(provider, deps(), true));
    server.expireAccessTokens();
    keeper.tokens = { ...keeper.tokens, expiresAt: Date.now() - 1 };
    const refreshed = await accessToken(provider, keeper, deps());
    expect(server.isValidAccessToken(refreshed)).toBe(true);
    expect(server.log.at(-1)).toBe('token: refresh_token');

    server.revokeRefreshTokens();
    const silent = await accessToken(provider, keeper, deps(), { renew: true });
    expect(server.isValidAccessToken(silent)).toBe(true);
    expect(server.log.slice(-2)).toEqual(['authorize: silent', 'token: authorization_code']);

    server.revokeRefreshTokens();
    server.signedIn = false;
    await expect(accessToken(provider, keeper, deps(), { renew: true })).rejects.toMatchObject({ code: 'auth', status: 401 });
    server.signedIn = true;
  });
});
