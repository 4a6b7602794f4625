// A scripted stand-in for fetch, for unit tests of the DAV client: each call is recorded and
// answered by a handler. Real servers are in radicale.ts / xandikos.ts; this covers what they
// cannot show (iCloud redirects, truncated sync results, odd statuses).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RetryPolicy } from '../../src/http/retry-policy';

export interface FakeCall {
  method: string;
  url: string;
  headers: Headers;
  body: string;
}

export interface FakeReply {
  status?: number;
  body?: string;
  /** Raw body bytes instead of `body` (e.g. bytes that are not UTF-8). */
  bytes?: Uint8Array<ArrayBuffer>;
  /** Extra response headers, e.g. Retry-After or ETag. */
  headers?: Record<string, string>;
  contentType?: string;
  /** Pretend fetch followed redirects to this URL (sets response.url and .redirected). */
  finalUrl?: string;
}

export type FakeHandler = (call: FakeCall) => FakeReply | Promise<FakeReply>;

export interface FakeFetch {
  fetch: typeof fetch;
  calls: FakeCall[];
}

export function fakeFetch(handler: FakeHandler): FakeFetch {
  const calls: FakeCall[] = [];
  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = input instanceof Request ? input.url : String(input);
    const call: FakeCall = {
      method: init?.method ?? 'GET',
      url,
      headers: new Headers(init?.headers),
      body: typeof init?.body === 'string' ? init.body : '',
    };
    calls.push(call);
    const reply = await handler(call);
    const status = reply.status ?? 207;
    // 204 and 304 answers have no body (Fetch standard: null body status).
    const response = new Response(status === 204 || status === 304 ? null : (reply.bytes ?? reply.body ?? ''), {
      status,
      headers: { 'Content-Type': reply.contentType ?? 'application/xml; charset=utf-8', ...reply.headers },
    });
    Object.defineProperty(response, 'url', { value: reply.finalUrl ?? url });
    Object.defineProperty(response, 'redirected', { value: reply.finalUrl !== undefined && reply.finalUrl !== url });
    return response;
  };
  return { fetch: fetchImpl, calls };
}

/** A fake fetch that fails like an unreachable host. */
export const unreachableFetch: typeof fetch = () => Promise.reject(new TypeError('fetch failed'));

/** Reads a captured response body from test/fixtures/dav/ byte for byte. */
export function davFixture(name: string): string {
  return readFileSync(join(import.meta.dirname, '..', 'fixtures', 'dav', name), 'utf8');
}

/** Retry options for unit tests: no real waiting, every wait asked for recorded in `waits`. */
export function instantRetry(overrides: Partial<RetryPolicy> = {}): { waits: number[]; retry: Partial<RetryPolicy> } {
  const waits: number[] = [];
  const sleep = (ms: number): Promise<void> => {
    waits.push(ms);
    return Promise.resolve();
  };
  return { waits, retry: { sleep, random: () => 0.5, ...overrides } };
}
