// An account whose credential is the browser's own session for its site (iCloud's icloud.com
// sign-in): fetch adds the site's cookies (`credentials: 'include'`) only to requests the policy
// lets carry credentials; a pre-authenticated download and every other account send none.
import { describe, expect, it } from 'vitest';
import { createHttpContext } from '../../src/http/http-context';
import { httpRequest } from '../../src/http/request';
import { refusedHref } from '../../src/http/credential-check';

function recordingFetch(): { fetch: typeof fetch; seen: Array<{ url: string; credentials: RequestCredentials | undefined }> } {
  const seen: Array<{ url: string; credentials: RequestCredentials | undefined }> = [];
  const fake = ((input: string, init?: RequestInit) => {
    seen.push({ url: input, credentials: init?.credentials });
    return Promise.resolve(new Response('{}', { status: 200, headers: { 'Content-Type': 'application/json' } }));
  }) as typeof fetch;
  return { fetch: fake, seen };
}

const sessionContext = (fetchImpl: typeof fetch) =>
  createHttpContext({ serverUrl: 'https://setup.icloud.com/', authorization: '', credentials: 'browser-session', fetch: fetchImpl });

describe('a browser-session account', () => {
  it('lets fetch attach the cookies to its own site (another host of it included) and nowhere else', async () => {
    const { fetch, seen } = recordingFetch();
    const ctx = sessionContext(fetch);
    await httpRequest(ctx, { method: 'POST', url: 'https://setup.icloud.com/setup/ws/1/validate', body: 'null' });
    await httpRequest(ctx, { method: 'GET', url: 'https://p42-contacts.icloud.com/co/startup' });
    await httpRequest(ctx, { method: 'GET', url: 'https://cvws.icloud-content.com/B/abc', credentials: 'none' });
    expect(seen.map((s) => s.credentials)).toEqual(['include', 'include', 'omit']);
    await expect(httpRequest(ctx, { method: 'GET', url: 'https://icloud.com.evil.example/co/startup' })).rejects.toThrow(/evil\.example/);
    expect(seen).toHaveLength(3);
    expect(refusedHref(ctx, 'https://evil.example/x')).not.toBeNull();
    expect(refusedHref(ctx, 'https://p07-ckdatabasews.icloud.com/database/1/')).toBeNull();
  });

  it('never over plain http off this machine', async () => {
    const { fetch, seen } = recordingFetch();
    const ctx = sessionContext(fetch);
    await expect(httpRequest(ctx, { method: 'GET', url: 'http://p42-contacts.icloud.com/co/startup' })).rejects.toThrow();
    expect(seen).toHaveLength(0);
  });

  it('sends no cookies for a password or bearer account, whatever the request', async () => {
    const { fetch, seen } = recordingFetch();
    const ctx = createHttpContext({ serverUrl: 'https://dav.example.com/', authorization: 'Basic eDp5', credentials: 'password', fetch });
    await httpRequest(ctx, { method: 'GET', url: 'https://dav.example.com/a.vcf' });
    expect(seen[0]?.credentials).toBe('omit');
  });
});
