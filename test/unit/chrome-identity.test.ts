// Google sign-in through Chrome's identity.getAuthToken, against a fake identity API (no real
// Google can be reached): when it is chosen, that a sign-in asks Chrome and never opens the web
// flow, that a run asks Chrome again without a window, and that a token a server refused (401)
// is removed from Chrome's cache before a new one is asked for; a refusal then pauses the account.
import { describe, expect, it } from 'vitest';
import { fakeFetch } from '../harness/fake-fetch';
import { providerWith } from '../../src/auth/oauth-providers';
import { GOOGLE_SCOPES } from '../../src/auth/google-scopes';
import { GOOGLE_OAUTH } from '../../src/providers/google/oauth';
import { MICROSOFT_OAUTH } from '../../src/providers/microsoft/oauth';
import { tokenPath, type IdentityOffer } from '../../src/auth/token-path';
import type { IdentityApi } from '../../src/auth/identity-token';
import { signInInteractively, type SignInDeps } from '../../src/auth/sign-in';
import { bearerAuth } from '../../src/auth/bearer-auth';
import { GrantRejectedError, type TokenSet } from '../../src/auth/token-endpoint';
import { createAccountContext } from '../../src/http/http-context';
import { graphGet } from '../../src/providers/microsoft/graph-request';
import { withChromeOAuth } from '../../scripts/chrome-oauth-manifest';
import { firefoxManifest } from '../../scripts/firefox-manifest';
import baseManifest from '../../manifest.json';

/** Chrome's identity API as a test drives it: tokens it hands out, calls it saw, a switch for "revoked". */
function fakeIdentity() {
  const calls: string[] = [];
  let next = 1;
  const state = { revoked: false, cached: null as string | null };
  const api: IdentityApi = {
    getAuthToken(details) {
      calls.push(`getAuthToken interactive=${details.interactive} scopes=${details.scopes.join(' ')}`);
      if (state.revoked && !details.interactive) return Promise.reject(new Error('OAuth2 not granted or revoked.'));
      state.revoked = false;
      state.cached ??= `chrome-token-${next++}`;
      return Promise.resolve({ token: state.cached, grantedScopes: details.scopes });
    },
    removeCachedAuthToken({ token }) {
      calls.push(`removeCachedAuthToken ${token}`);
      if (state.cached === token) state.cached = null;
      return Promise.resolve();
    },
  };
  return { api, calls, state };
}

const google = providerWith(GOOGLE_OAUTH);
const noFlow = { redirectUri: 'https://x.chromiumapp.org/', launch: () => Promise.reject(new Error('the web flow must not open')) };
const noFetch: typeof fetch = () => Promise.reject(new Error('no token endpoint request expected'));
const deps = (identity: IdentityApi | null): SignInDeps => ({ flow: noFlow, fetch: noFetch, now: () => 1_000, identity });
const memoryKeeper = (tokens: TokenSet) => {
  const box = { tokens };
  return { box, keeper: { load: () => Promise.resolve(box.tokens), save: (t: TokenSet) => Promise.resolve(void (box.tokens = t)) } };
};

describe('which way Google signs in', () => {
  const chrome: IdentityOffer = { getAuthToken: true, manifestClientId: 'abc.apps.googleusercontent.com' };

  it('uses getAuthToken only for Google, in a browser that has it, with a build that carries an oauth2 client ID', () => {
    expect(tokenPath(GOOGLE_OAUTH, {}, chrome)).toBe('chrome-identity');
    expect(tokenPath(MICROSOFT_OAUTH, {}, chrome)).toBe('web-auth-flow');
    expect(tokenPath(GOOGLE_OAUTH, {}, { getAuthToken: false, manifestClientId: 'abc' })).toBe('web-auth-flow');
    expect(tokenPath(GOOGLE_OAUTH, {}, { getAuthToken: true, manifestClientId: null })).toBe('web-auth-flow');
  });

  it('keeps the web flow when a person set a client ID or endpoints of their own', () => {
    expect(tokenPath(GOOGLE_OAUTH, { clientId: 'mine.apps.googleusercontent.com' }, chrome)).toBe('web-auth-flow');
    expect(tokenPath(GOOGLE_OAUTH, { authorizeUrl: 'http://127.0.0.1:1/authorize' }, chrome)).toBe('web-auth-flow');
    expect(tokenPath(GOOGLE_OAUTH, { clientId: '' }, chrome)).toBe('chrome-identity');
  });

  it('puts an oauth2 key into Chrome’s manifest only when the build variable is set, never into Firefox’s', () => {
    expect(withChromeOAuth(baseManifest, undefined)).not.toHaveProperty('oauth2');
    expect(withChromeOAuth(baseManifest, '  ')).not.toHaveProperty('oauth2');
    expect(withChromeOAuth(baseManifest, 'abc.apps.googleusercontent.com')).toMatchObject({ oauth2: { client_id: 'abc.apps.googleusercontent.com', scopes: GOOGLE_SCOPES } });
    expect(firefoxManifest(baseManifest)).not.toHaveProperty('oauth2');
    expect(google.scopes).toEqual(GOOGLE_SCOPES);
  });
});

describe('Google tokens from Chrome', () => {
  it('signs in by asking Chrome, with a window, for the Google scopes; the web flow never opens', async () => {
    const { api, calls } = fakeIdentity();
    const tokens = await signInInteractively(google, deps(api));
    expect(tokens).toMatchObject({ accessToken: 'chrome-token-1', refreshToken: null, via: 'chrome-identity', scope: GOOGLE_SCOPES.join(' ') });
    expect(calls).toEqual([`getAuthToken interactive=true scopes=${GOOGLE_SCOPES.join(' ')}`]);
  });

  it('renews without a window, and after a 401 removes the refused token from Chrome’s cache first', async () => {
    const { api, calls, state } = fakeIdentity();
    const { box, keeper } = memoryKeeper(await signInInteractively(google, deps(api)));
    // Chrome's cached token is used as long as the server takes it.
    const bearer = await bearerAuth(google, keeper, deps(api));
    expect(bearer.accessToken).toBe('chrome-token-1');

    // The server refuses it once (revoked or expired): Graph's request path renews once and asks again.
    const seen: string[] = [];
    const http = fakeFetch((call) => {
      const auth = call.headers.get('Authorization') ?? '';
      seen.push(auth);
      return auth === 'Bearer chrome-token-1' ? { status: 401 } : { status: 200, body: '{"value":[]}', contentType: 'application/json' };
    });
    const ctx = createAccountContext({ serverUrl: 'https://graph.example/v1.0/', username: '', password: '', bearer, fetch: http.fetch });
    await graphGet(ctx, 'https://graph.example/v1.0/me/contactFolders');
    expect(seen).toEqual(['Bearer chrome-token-1', 'Bearer chrome-token-2']);
    expect(calls.slice(1)).toEqual([
      `getAuthToken interactive=false scopes=${GOOGLE_SCOPES.join(' ')}`,
      'removeCachedAuthToken chrome-token-1',
      `getAuthToken interactive=false scopes=${GOOGLE_SCOPES.join(' ')}`,
    ]);
    expect(box.tokens).toMatchObject({ accessToken: 'chrome-token-2', via: 'chrome-identity' });

    // Access revoked for good: Chrome refuses without a window, and the account must sign in again.
    state.revoked = true;
    state.cached = null;
    await expect(bearerAuth(google, keeper, deps(api))).rejects.toBeInstanceOf(GrantRejectedError);
    // No window opened by a run: the only interactive call was the sign-in's.
    expect(calls.filter((call) => call.includes('interactive=true'))).toHaveLength(1);
  });

  it('asks for a new sign-in where Chrome’s identity API is gone, and never sends Chrome’s tokens to a token endpoint', async () => {
    const { api } = fakeIdentity();
    const { keeper } = memoryKeeper(await signInInteractively(google, deps(api)));
    await expect(bearerAuth(google, keeper, deps(null))).rejects.toBeInstanceOf(GrantRejectedError);
  });

  it('tells a person when Chrome gives no token from a click', async () => {
    const api: IdentityApi = { getAuthToken: () => Promise.reject(new Error('The user did not approve access.')), removeCachedAuthToken: () => Promise.resolve() };
    await expect(signInInteractively(google, deps(api))).rejects.toThrow('The user did not approve access.');
  });
});
