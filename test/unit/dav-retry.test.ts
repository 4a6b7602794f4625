// httpRequest's retries with a scripted fetch and an injected sleep: which failures are tried
// again, how long it waits (Retry-After, RFC 9110 §10.2.3, or backoff), and what it throws at
// the end. No real waiting: every wait is recorded instead.
import { describe, expect, it } from 'vitest';
import { createAccountContext } from '../../src/http/http-context';
import { AuthError, HttpError, NetworkError } from '../../src/http/http-errors';
import { BadResponseError, RateLimitError } from '../../src/http/transient-errors';
import { propfind } from '../../src/providers/dav/dav-propfind';
import { httpRequest } from '../../src/http/request';
import type { RetryPolicy } from '../../src/http/retry-policy';
import { fakeFetch, instantRetry, type FakeHandler, type FakeReply } from '../harness/fake-fetch';

const URL_ = 'https://dav.example.org/c/';
const NOW = Date.UTC(2025, 2, 1, 12, 0, 0);
const OK: FakeReply = { status: 207, body: '<d:multistatus xmlns:d="DAV:"></d:multistatus>' };

function setup(handler: FakeHandler, policy: Partial<RetryPolicy> = {}) {
  const fake = fakeFetch(handler);
  const { waits, retry } = instantRetry({ now: () => NOW, ...policy });
  const ctx = createAccountContext({ serverUrl: URL_, username: 'u', password: 'p', fetch: fake.fetch }, { retry });
  return { fake, waits, ctx };
}

/** Answers with `replies` in turn, then with the last one forever. */
function script(...replies: Array<FakeReply | Error>): FakeHandler {
  let index = 0;
  return () => {
    const reply = replies[Math.min(index++, replies.length - 1)]!;
    if (reply instanceof Error) throw reply;
    return reply;
  };
}

const list = (ctx: ReturnType<typeof setup>['ctx']) => propfind(ctx, URL_, '1', ['D:getetag']);

describe('httpRequest retries', () => {
  it('waits as long as Retry-After says in seconds, then succeeds', async () => {
    const { fake, waits, ctx } = setup(script({ status: 429, headers: { 'Retry-After': '7' } }, OK));
    await expect(list(ctx)).resolves.toMatchObject({ entries: [] });
    expect(fake.calls).toHaveLength(2);
    expect(waits).toEqual([7000]);
  });

  it('reads Retry-After as an HTTP-date against the injected clock', async () => {
    const inTwoMinutes = new Date(NOW + 120_000).toUTCString();
    const { waits, ctx } = setup(script({ status: 503, headers: { 'Retry-After': inTwoMinutes } }, OK));
    await list(ctx);
    expect(waits).toEqual([120_000]);
  });

  it('backs off exponentially with jitter on 502, 504, 503 without Retry-After, and network errors', async () => {
    const { fake, waits, ctx } = setup(
      script({ status: 502 }, new TypeError('fetch failed'), { status: 504 }, { status: 503 }, OK),
      { random: () => 0 },
    );
    await list(ctx);
    expect(fake.calls).toHaveLength(5);
    // random 0: half of 1 s, 2 s, 4 s, 8 s.
    expect(waits).toEqual([500, 1000, 2000, 4000]);
  });

  it('asks again when a 207 body was cut off, and gives up with BadResponseError', async () => {
    const cut = { status: 207, body: '<d:multistatus xmlns:d="DAV:"><d:response><d:href>/c/a.vcf</d:href>' };
    const once = setup(script(cut, OK));
    await expect(list(once.ctx)).resolves.toMatchObject({ entries: [] });
    expect(once.fake.calls).toHaveLength(2);

    const always = setup(script(cut));
    const error = await list(always.ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadResponseError);
    expect((error as Error).message).toBe('The answer from dav.example.org was cut off before its end');
    expect(always.fake.calls).toHaveLength(5);
  });

  it('does not ask again for a complete 207 that is not XML', async () => {
    const { fake, ctx } = setup(script({ status: 207, body: '<d:multistatus xmlns:d="DAV:"><d:response><!-- </d:response></d:multistatus>' }));
    await expect(list(ctx)).rejects.toBeInstanceOf(BadResponseError);
    expect(fake.calls).toHaveLength(1);
  });

  it('gives up after maxAttempts with a typed error a person can read', async () => {
    const busy = setup(script({ status: 503 }), { maxAttempts: 3 });
    const error = await list(busy.ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as Error).message).toBe('dav.example.org is busy (HTTP 503) and still was after 3 attempts; sync again later');
    expect(busy.fake.calls).toHaveLength(3);
    expect(busy.waits).toHaveLength(2);

    const gateway = setup(script({ status: 502 }));
    await expect(list(gateway.ctx)).rejects.toBeInstanceOf(HttpError);
    expect(gateway.fake.calls).toHaveLength(5);

    const offline = setup(() => Promise.reject(new TypeError('fetch failed')));
    const network = await list(offline.ctx).catch((e: unknown) => e);
    expect(network).toBeInstanceOf(NetworkError);
    expect((network as Error).message).toBe('Could not reach dav.example.org');
    expect(offline.fake.calls).toHaveLength(5);
  });

  it('gives up at once, naming the time to come back, when Retry-After is beyond the cap', async () => {
    const { fake, waits, ctx } = setup(script({ status: 429, headers: { 'Retry-After': '7200' } }));
    const error = await list(ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAt).toBe(NOW + 7_200_000);
    expect((error as Error).message).toBe(
      // The moment to come back in the person's language and time zone (Node's en-US here).
      `dav.example.org is busy (HTTP 429) and asked Lifeboat to wait 2 h; sync again after ${new Date(NOW + 7_200_000).toLocaleString('en-US')}`,
    );
    expect(fake.calls).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it.each([
    [401, AuthError],
    [403, AuthError],
    [404, HttpError],
    [412, HttpError],
    [500, HttpError],
  ])('never retries %i', async (status, type) => {
    const { fake, waits, ctx } = setup(script({ status }));
    await expect(list(ctx)).rejects.toBeInstanceOf(type);
    expect(fake.calls).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('hands every non-retried status to the caller unchanged', async () => {
    const { fake, ctx } = setup(script({ status: 404, body: 'gone', contentType: 'text/plain' }));
    const res = await httpRequest(ctx, { method: 'GET', url: `${URL_}a.vcf` });
    expect(res).toMatchObject({ status: 404, body: 'gone', lossy: false });
    expect(fake.calls).toHaveLength(1);
  });

  it('flags a body whose bytes are not valid in its charset instead of altering it unannounced', async () => {
    const bytes = new Uint8Array([0x42, 0x45, 0x47, 0x49, 0x4e, 0x3a, 0xe9]); // "BEGIN:" + Latin-1 é
    const utf8 = setup(script({ status: 200, bytes, contentType: 'text/vcard' }));
    expect(await httpRequest(utf8.ctx, { method: 'GET', url: `${URL_}a.vcf` })).toMatchObject({ lossy: true, body: 'BEGIN:\uFFFD' });
    const latin1 = setup(script({ status: 200, bytes, contentType: 'text/vcard; charset=iso-8859-1' }));
    expect(await httpRequest(latin1.ctx, { method: 'GET', url: `${URL_}a.vcf` })).toMatchObject({ lossy: false, body: 'BEGIN:é' });
  });
});
