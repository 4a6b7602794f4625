// Access tokens live in storage.session only: within a browser session the stored one is used
// as before; after the browser restarts there is none, and the refresh token (in storage.local,
// sealed under the lock) renews it with one request to the token endpoint. The new access token
// goes to the session again, never to the disk.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeStorage, resetFakeStorage, restartBrowser } from '../support/fake-extension-storage';
import type { SignInDeps } from '../../src/auth/sign-in';

vi.mock('../../src/shared/browser', async () => (await import('../support/fake-extension-storage')).fakeBrowserModule());

const { accessToken } = await import('../../src/auth/access-token');
const { loadTokens, saveTokens } = await import('../../src/auth/token-store');
const { enableLock, unlock } = await import('../../src/secrets/lock-state');
const { discardJournal } = await import('../../src/secrets/storage-rewrite');

const NOW = 1_800_000_000_000;
const PASSPHRASE = 'a long enough passphrase';
const provider = { id: 'google' as const, authorizeUrl: 'https://auth.example/authorize', tokenUrl: 'https://auth.example/token', scopes: ['contacts'], clientId: 'client', extraParams: {}, endpoints: {} };
const keeper = { load: () => loadTokens('acct'), save: (tokens: Parameters<typeof saveTokens>[1]) => saveTokens('acct', tokens) };

function tokenEndpoint() {
  const requests: URLSearchParams[] = [];
  const fetch = vi.fn((_url: RequestInfo | URL, init?: RequestInit) => {
    requests.push(new URLSearchParams(init?.body as string));
    return Promise.resolve(new Response(JSON.stringify({ access_token: `access-${requests.length + 1}`, expires_in: 3600 }), { status: 200 }));
  });
  const deps: SignInDeps = { fetch, now: () => NOW, flow: { redirectUri: 'https://x.example/', launch: () => Promise.reject(new Error('no window in this test')) }, identity: null };
  return { requests, deps };
}

beforeEach(async () => {
  resetFakeStorage();
  await discardJournal();
});

describe('access tokens in storage.session', () => {
  for (const locked of [false, true]) {
    it(`are used within the session, and renewed from the refresh token after a restart${locked ? ', with the lock on' : ''}`, async () => {
      if (locked) await enableLock(PASSPHRASE);
      await saveTokens('acct', { accessToken: 'access-1', expiresAt: NOW + 3_600_000, refreshToken: 'refresh-1', scope: 'contacts' });
      const { requests, deps } = tokenEndpoint();
      expect(await accessToken(provider, keeper, deps)).toBe('access-1');
      expect(requests).toHaveLength(0);

      restartBrowser();
      if (locked) {
        await expect(accessToken(provider, keeper, deps)).rejects.toThrow(/Locked/);
        expect(requests).toHaveLength(0);
        await unlock(PASSPHRASE);
      }
      expect(await accessToken(provider, keeper, deps)).toBe('access-2');
      expect(requests).toHaveLength(1);
      expect(requests[0]?.get('grant_type')).toBe('refresh_token');
      expect(requests[0]?.get('refresh_token')).toBe('refresh-1');
      expect(fakeStorage.session.dump()).toContain('access-2');
      expect(fakeStorage.local.dump()).not.toMatch(/access-\d/);
      // Without the lock the refresh token is stored as before; with it, sealed.
      expect(fakeStorage.local.dump().includes('refresh-1')).toBe(!locked);
    });
  }
});
