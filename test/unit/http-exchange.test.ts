// The HTTP layer with a scripted fetch: what is sent where, and what is refused before or
// after sending, with the catalog's sentences.
import { describe, expect, it } from 'vitest';
import { createAccountContext, createHttpContext } from '../../src/http/http-context';
import { exchange } from '../../src/http/exchange';
import { httpRequest } from '../../src/http/request';
import { requestBudget } from '../../src/http/request-budget';
import { CredentialsWithheldError, InsecureRedirectError, PlainHttpRefusedError, RequestBudgetError } from '../../src/http/policy-errors';
import { fakeFetch, instantRetry } from '../harness/fake-fetch';

const PASSWORD = 'pässwörd-S3cret';
const account = (serverUrl: string, fetch: typeof globalThis.fetch, allowPlainHttp = false) =>
  createAccountContext({ serverUrl, username: 'jane', password: PASSWORD, fetch, allowPlainHttp }, { retry: instantRetry().retry });

describe('the HTTP layer', () => {
  it('does not ask a foreign host again with the password after its 401, and names it', async () => {
    const fake = fakeFetch(() => ({ status: 401, finalUrl: 'https://evil.example/collect' }));
    const error = await httpRequest(account('https://dav.example.com/', fake.fetch), { method: 'PROPFIND', url: 'https://dav.example.com/' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialsWithheldError);
    expect((error as Error).message).toBe('The server pointed to evil.example; Lifeboat did not send your password there');
    expect(fake.calls.map((c) => c.url)).toEqual(['https://dav.example.com/']);
  });

  it('refuses a foreign href before sending anything', async () => {
    const fake = fakeFetch(() => ({ body: '<multistatus xmlns="DAV:"/>' }));
    const error = await exchange(account('https://dav.example.com/', fake.fetch), { method: 'GET', url: 'https://evil.example/a.vcf' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialsWithheldError);
    expect(fake.calls).toEqual([]);
  });

  it('discards an answer that came back over http after https, and does not retry it', async () => {
    const fake = fakeFetch(() => ({ body: '<multistatus xmlns="DAV:"/>', finalUrl: 'http://dav.example.com/' }));
    const error = await httpRequest(account('https://dav.example.com/', fake.fetch), { method: 'PROPFIND', url: 'https://dav.example.com/' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InsecureRedirectError);
    expect((error as Error).message).toContain('unencrypted http at dav.example.com');
    expect(fake.calls).toHaveLength(1);
  });

  it('refuses a password over plain http off this machine unless confirmed, and sends it once confirmed', async () => {
    const refused = fakeFetch(() => ({ body: '' }));
    const error = await exchange(account('http://nas.example.com/dav/', refused.fetch), { method: 'GET', url: 'http://nas.example.com/dav/' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlainHttpRefusedError);
    expect(refused.calls).toEqual([]);

    const confirmed = fakeFetch(() => ({ status: 200, body: 'ok' }));
    await exchange(account('http://nas.example.com/dav/', confirmed.fetch, true), { method: 'GET', url: 'http://nas.example.com/dav/' });
    expect(confirmed.calls[0]?.headers.get('Authorization')).toMatch(/^Basic /);
  });

  it('never lets a PUT follow a redirect, and reads with redirects followed', async () => {
    const modes: Array<RequestRedirect | undefined> = [];
    const fetchImpl: typeof fetch = (_input, init) => {
      modes.push(init?.redirect);
      return Promise.resolve(new Response('', { status: 201 }));
    };
    const ctx = account('https://dav.example.com/', fetchImpl);
    await exchange(ctx, { method: 'PUT', url: 'https://dav.example.com/c/a.vcf', body: 'BEGIN:VCARD', contentType: 'text/vcard' });
    await exchange(ctx, { method: 'GET', url: 'https://dav.example.com/c/a.vcf' });
    expect(modes).toEqual(['error', 'follow']);
  });

  it('sends no Authorization when a request says so (a pre-authenticated address), to any host', async () => {
    const fake = fakeFetch(() => ({ status: 200, body: 'bytes' }));
    const ctx = createAccountContext({ serverUrl: 'https://graph.microsoft.com/v1.0/', username: '', password: '', bearer: { accessToken: 't', renew: () => Promise.resolve('t') }, fetch: fake.fetch });
    await exchange(ctx, { method: 'GET', url: 'https://public.bn.files.1drv.com/y4m', credentials: 'none' });
    expect(fake.calls[0]?.headers.has('Authorization')).toBe(false);
  });

  it('stops a run at its request budget, shared by every context of the run', async () => {
    const fake = fakeFetch(() => ({ status: 200, body: '' }));
    const budget = requestBudget(3);
    const feed = (url: string) => createHttpContext({ serverUrl: url, authorization: '', credentials: 'none', fetch: fake.fetch, options: { budget } });
    const a = feed('https://a.example/');
    const b = feed('https://b.example/');
    await exchange(a, { method: 'GET', url: 'https://a.example/1' });
    await exchange(b, { method: 'GET', url: 'https://b.example/1' });
    await exchange(a, { method: 'GET', url: 'https://a.example/2' });
    const error = await exchange(b, { method: 'GET', url: 'https://b.example/2' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestBudgetError);
    expect((error as Error).message).toBe('Lifeboat stopped after 3 requests to b.example in one sync; the next sync goes on');
    expect(fake.calls).toHaveLength(3);
  });
});
