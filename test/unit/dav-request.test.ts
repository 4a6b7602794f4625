// Credentials, redirects and error classes, with a scripted fetch.
import { describe, expect, it } from 'vitest';
import { createAccountContext } from '../../src/http/http-context';
import { AuthError, HttpError, NetworkError } from '../../src/http/http-errors';
import { NotDavError } from '../../src/providers/dav/dav-errors';
import { propfind } from '../../src/providers/dav/dav-propfind';
import { httpRequest } from '../../src/http/request';
import { fakeFetch, instantRetry, unreachableFetch } from '../harness/fake-fetch';

const PASSWORD = 'pässwörd-S3cret';
const EMPTY_MULTISTATUS = '<multistatus xmlns="DAV:"/>';

function context(fetch: typeof globalThis.fetch, serverUrl = 'https://h.example/') {
  return createAccountContext({ serverUrl, username: 'jane@example.com', password: PASSWORD, fetch }, { retry: instantRetry().retry });
}

function everyText(error: unknown): string {
  const e = error as Error;
  return JSON.stringify({ ...e, message: e.message, stack: e.stack, name: e.name });
}

describe('httpRequest', () => {
  it('asks the final URL again with credentials after a 401 behind a redirect, then goes there directly', async () => {
    const fake = fakeFetch((call) => {
      if (call.url.startsWith('https://contacts.icloud.com/')) {
        // fetch followed the redirect and dropped Authorization on the way: 401 from the shard.
        return { status: 401, finalUrl: call.url.replace('contacts.icloud.com', 'p42-contacts.icloud.com') };
      }
      return { status: 207, body: EMPTY_MULTISTATUS };
    });
    const ctx = context(fake.fetch, 'https://contacts.icloud.com/');
    const res = await httpRequest(ctx, { method: 'PROPFIND', url: 'https://contacts.icloud.com/', depth: '0', body: '<x/>' });
    expect(res.status).toBe(207);
    expect(res.url).toBe('https://p42-contacts.icloud.com/');
    expect(fake.calls.map((c) => [c.method, c.url, c.headers.get('Authorization')?.startsWith('Basic '), c.body])).toEqual([
      ['PROPFIND', 'https://contacts.icloud.com/', true, '<x/>'],
      ['PROPFIND', 'https://p42-contacts.icloud.com/', true, '<x/>'],
    ]);
    await httpRequest(ctx, { method: 'PROPFIND', url: 'https://contacts.icloud.com/123/carddavhome/', depth: '1' });
    expect(fake.calls[2]?.url).toBe('https://p42-contacts.icloud.com/123/carddavhome/');
  });

  it('sends Depth and an XML content type', async () => {
    const fake = fakeFetch(() => ({ body: EMPTY_MULTISTATUS }));
    await propfind(context(fake.fetch), 'https://h.example/', '1', ['D:getetag']);
    expect(fake.calls[0]?.headers.get('Depth')).toBe('1');
    expect(fake.calls[0]?.headers.get('Content-Type')).toMatch(/^application\/xml/);
    expect(fake.calls[0]?.body).toContain('<D:getetag/>');
  });

  it('throws AuthError on 401 without retrying when there was no redirect', async () => {
    const fake = fakeFetch(() => ({ status: 401 }));
    const error = await httpRequest(context(fake.fetch), { method: 'PROPFIND', url: 'https://h.example/' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as Error).message).toBe('The server refused the username or password');
    expect(fake.calls).toHaveLength(1);
    expect(everyText(error)).not.toContain(PASSWORD);
  });

  it('throws NetworkError naming the host when fetch itself fails', async () => {
    const error = await httpRequest(context(unreachableFetch, 'https://dav.example.org/x/'), {
      method: 'PROPFIND',
      url: 'https://dav.example.org/x/',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as Error).message).toBe('Could not reach dav.example.org');
  });
});

describe('multistatus expectations', () => {
  const cases: Array<[string, { status: number; body?: string; contentType?: string }, unknown]> = [
    ['an HTML page', { status: 200, body: '<html></html>', contentType: 'text/html' }, NotDavError],
    ['405 on PROPFIND', { status: 405 }, NotDavError],
    ['501', { status: 501 }, NotDavError],
    ['a 207 that is not XML', { status: 207, body: 'hello' }, NotDavError],
    ['403', { status: 403 }, AuthError],
    ['500', { status: 500 }, HttpError],
  ];
  it.each(cases)('classifies %s', async (_what, reply, type) => {
    const fake = fakeFetch(() => reply);
    const error = await propfind(context(fake.fetch), 'https://h.example/dav/', '0', ['D:resourcetype']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(type);
    expect((error as Error).message).toContain('h.example');
    expect(everyText(error)).not.toContain(PASSWORD);
  });
});
