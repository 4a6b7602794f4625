// The fault proxy itself, in front of a plain loopback web server: each fault does what the
// mirror tests rely on it doing, and rules pick requests by method, body, skip and times.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultProxy, type FaultProxy } from '../harness/fault-proxy';
import { startHtmlServer, type TestHttpServer } from '../harness/http-test-servers';

describe('the fault proxy', () => {
  let target: TestHttpServer;
  let proxy: FaultProxy;
  let page: string;

  beforeAll(async () => {
    target = await startHtmlServer();
    proxy = await startFaultProxy(target.url);
    page = await (await fetch(target.url)).text();
  });
  afterAll(async () => {
    await proxy?.stop();
    await target?.stop();
  });

  const get = (init?: RequestInit) => fetch(proxy.url, init);

  it('forwards untouched when no rule applies', async () => {
    const response = await get({ method: 'PROPFIND', body: '<propfind/>' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(page);
    expect(proxy.log.at(-1)).toEqual({ method: 'PROPFIND', path: '/', fault: null, status: 200 });
  });

  it('answers 429 and 503 with Retry-After without asking the server', async () => {
    const before = target.requests.length;
    proxy.failNext(1, '429');
    proxy.failNext(1, { kind: 'status', status: 503, retryAfter: 'Fri, 31 Dec 1999 23:59:59 GMT' });
    const first = await get();
    const second = await get();
    expect([first.status, first.headers.get('retry-after')]).toEqual([429, '1']);
    expect([second.status, second.headers.get('retry-after')]).toEqual([503, 'Fri, 31 Dec 1999 23:59:59 GMT']);
    expect(target.requests.length).toBe(before);
    expect((await get()).status).toBe(200);
  });

  it('resets the connection', async () => {
    proxy.failNext(1, 'reset');
    await expect(get()).rejects.toThrow(TypeError);
  });

  it('cuts a body off mid-way (the read fails) or serves it short (the read succeeds)', async () => {
    proxy.failNext(1, 'truncate');
    const cut = await get();
    expect(cut.headers.get('content-length')).toBe(String(Buffer.byteLength(page)));
    await expect(cut.text()).rejects.toThrow();
    proxy.failNext(1, { kind: 'truncate', framing: 'short', keep: 0.25 });
    const short = await (await get()).text();
    expect(page.startsWith(short)).toBe(true);
    expect(short.length).toBeLessThan(page.length / 2);
  });

  it('delays an answer', async () => {
    proxy.failNext(1, { kind: 'delay', ms: 200 });
    const started = performance.now();
    expect((await get()).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('refuses sync-collection REPORTs only, with 403 DAV:supported-report or 501', async () => {
    proxy.refuseSyncCollection = true;
    const refused = await get({ method: 'REPORT', body: '<D:sync-collection xmlns:D="DAV:"/>' });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('<D:supported-report/>');
    expect((await get({ method: 'REPORT', body: '<C:addressbook-multiget/>' })).status).toBe(200);
    proxy.refuseSyncCollection = 501;
    expect((await get({ method: 'REPORT', body: '<D:sync-collection xmlns:D="DAV:"/>' })).status).toBe(501);
    proxy.clear();
    expect((await get({ method: 'REPORT', body: '<D:sync-collection xmlns:D="DAV:"/>' })).status).toBe(200);
  });

  it('picks requests by method and body, skipping some and stopping after `times`', async () => {
    proxy.add({ method: 'REPORT', body: /multiget/, skip: 1, times: 2, fault: { kind: 'status', status: 502 } });
    const statuses: number[] = [];
    for (const init of [
      { method: 'REPORT', body: 'multiget' }, // skipped
      { method: 'PROPFIND', body: 'multiget' }, // other method
      { method: 'REPORT', body: 'sync' }, // other body
      { method: 'REPORT', body: 'multiget' },
      { method: 'REPORT', body: 'multiget' },
      { method: 'REPORT', body: 'multiget' }, // used up
    ]) {
      statuses.push((await get(init)).status);
    }
    expect(statuses).toEqual([200, 200, 200, 502, 502, 200]);
  });
});
