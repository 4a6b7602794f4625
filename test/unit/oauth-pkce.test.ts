// PKCE and the authorization request on their own: RFC 7636 Appendix B's example pair, the
// parameters of the request, and answers that must be refused (another request's state, an error).
import { describe, expect, it } from 'vitest';
import { codeChallenge, pkcePair } from '../../src/auth/pkce';
import { authorizeUrl, codeFromRedirect, SignInRefusedError } from '../../src/auth/authorize-url';
import { providerOrigins, providerWith } from '../../src/auth/oauth-providers';
import { MICROSOFT_OAUTH } from '../../src/providers/microsoft/oauth';

describe('PKCE', () => {
  it('derives the S256 challenge of RFC 7636 Appendix B', async () => {
    expect(await codeChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('makes verifiers of 43 unreserved characters, a new one each time', async () => {
    const [a, b] = [await pkcePair(), await pkcePair()];
    expect(a.verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.verifier).not.toBe(b.verifier);
    expect(a.challenge).toBe(await codeChallenge(a.verifier));
  });
});

describe('the authorization request', () => {
  const provider = providerWith(MICROSOFT_OAUTH, { clientId: 'client-1' });

  it('asks for the code with the challenge, the scopes and, to renew silently, prompt=none', () => {
    const url = new URL(authorizeUrl(provider, { redirectUri: 'https://abc.chromiumapp.org/', state: 's1', challenge: 'c1', prompt: 'none' }));
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'client-1',
      redirect_uri: 'https://abc.chromiumapp.org/',
      scope: 'offline_access Contacts.Read Calendars.Read',
      state: 's1',
      code_challenge: 'c1',
      code_challenge_method: 'S256',
      prompt: 'none',
    });
    expect(providerOrigins(provider)).toEqual(['https://login.microsoftonline.com/*', 'https://graph.microsoft.com/*']);
  });

  it('takes the code only from the answer to this request', () => {
    expect(codeFromRedirect('https://abc.chromiumapp.org/?code=xyz&state=s1', 's1')).toBe('xyz');
    expect(() => codeFromRedirect('https://abc.chromiumapp.org/?code=xyz&state=other', 's1')).toThrow(/did not match/);
    expect(() => codeFromRedirect('https://abc.chromiumapp.org/?error=login_required&state=s1', 's1')).toThrow(SignInRefusedError);
  });
});
