// Photo downloads go through the HTTP layer's one retry loop and its policy: a busy server's
// Retry-After is waited out, a longer one ends the download with the time to come back.
import { describe, expect, it } from 'vitest';
import { busyAnswer, waitBeforeRetry, RateLimitError } from '../../src/http/transient-errors';
import { NetworkError } from '../../src/http/http-errors';
import { retryPolicy } from '../../src/http/retry-policy';
import { createAccountContext } from '../../src/http/http-context';
import { getPhoto } from '../../src/providers/webdav-photos/photo-get';
import type { RemotePhoto } from '../../src/model/photo-source';
import { fakeFetch } from '../harness/fake-fetch';

const NOW = Date.UTC(2026, 0, 1);
const policy = retryPolicy({ now: () => NOW, random: () => 0.5, sleep: () => Promise.resolve() });

describe('waitBeforeRetry', () => {
  it('waits what Retry-After says, in seconds or as a date', () => {
    const seconds = busyAnswer({ url: 'https://h.example/p.jpg', status: 503, retryAfter: '7', policy });
    expect(waitBeforeRetry({ error: seconds, attempt: 1, policy })).toBe(7000);
    const date = busyAnswer({ url: 'https://h.example/p.jpg', status: 429, retryAfter: new Date(NOW + 20_000).toUTCString(), policy });
    expect(waitBeforeRetry({ error: date, attempt: 1, policy })).toBe(20_000);
  });

  it('backs off without Retry-After, and gives up on a wait longer than the policy sleeps', () => {
    const plain = busyAnswer({ url: 'https://h.example/p.jpg', status: 503, retryAfter: null, policy });
    expect(waitBeforeRetry({ error: plain, attempt: 2, policy })).toBe(1500);
    const long = busyAnswer({ url: 'https://h.example/p.jpg', status: 503, retryAfter: '3600', policy });
    expect(long.retryAt).toBe(NOW + 3_600_000);
    expect(waitBeforeRetry({ error: long, attempt: 1, policy })).toBeNull();
    expect(waitBeforeRetry({ error: new NetworkError('https://h.example/'), attempt: policy.maxAttempts, policy })).toBeNull();
    expect(waitBeforeRetry({ error: new Error('not transient'), attempt: 1, policy })).toBeNull();
  });

  it('reaches it from a WebDAV photo GET answered 503 with Retry-After', async () => {
    const fake = fakeFetch(() => ({ status: 503, headers: { 'Retry-After': '12' } }));
    const ctx = createAccountContext({ serverUrl: 'https://photos.example.com/', username: 'u', password: 'p', fetch: fake.fetch }, { retry: { now: () => NOW } });
    const photo: RemotePhoto = { href: 'https://photos.example.com/a.jpg', name: 'a.jpg', etag: '"e"', lastModified: null, size: 3, mime: 'image/jpeg', folder: '', digests: [] };
    const error = await getPhoto(ctx, photo, 0, () => Promise.resolve()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(waitBeforeRetry({ error, attempt: 1, policy: ctx.retry })).toBe(12_000);
  });
});
