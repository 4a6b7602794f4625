// Photo downloads from a busy server, through the fault proxy in front of a real WebDAV folder
// (rclone): the HTTP layer's one retry loop waits out what Retry-After says (RFC 9110 §10.2.3,
// 503 §15.6.4, 429 RFC 6585 §4), backs off when it says nothing, stops after the policy's
// attempts, and ends the run at once when the server asks for a longer wait than a run sleeps.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFaultProxy, startWebdavFolder, makeJpeg, type FaultProxy, type WebdavFolderServer } from '../harness';
import { freshDb } from '../support/test-db';
import { insertAccount } from '../../src/db/accounts';
import { createPhotoFolderSource } from '../../src/providers/webdav-photos/photo-folder-source';
import { syncPhotoFolder } from '../../src/sync/photos/sync-photo-folder';
import { retryPolicy } from '../../src/http/retry-policy';

let server: WebdavFolderServer;
let proxy: FaultProxy;

/** A fresh mirror of the folder through the proxy; the waits the retry loop asked for are recorded, not slept. */
async function mirror() {
  const db = freshDb();
  const account = await insertAccount(db, { id: 'busy', kind: 'webdav-photos', label: 'Busy', serverUrl: proxy.url, calendarServerUrl: null, services: [], username: server.username }, 1);
  const waits: number[] = [];
  const retry = retryPolicy({ maxAttempts: 3, random: () => 0.5, sleep: (ms) => Promise.resolve(void waits.push(ms)) });
  const source = createPhotoFolderSource({ serverUrl: proxy.url, username: server.username, password: server.password });
  const summary = await syncPhotoFolder({ db, account, source, now: Date.now, retry, concurrency: 1 });
  return { summary, waits, stored: await db.photos.count() };
}

const gets = (name: string) => proxy.log.filter((entry) => entry.method === 'GET' && entry.path.endsWith(name));

beforeAll(async () => {
  server = await startWebdavFolder({ files: { 'a.jpg': makeJpeg({ seed: 1, padding: 2000 }), 'b.jpg': makeJpeg({ seed: 2, padding: 2000 }) } });
  proxy = await startFaultProxy(server.url);
});

afterEach(() => proxy.clear());

afterAll(async () => {
  await proxy?.stop();
  await server?.stop();
});

describe('photo downloads from a busy server', () => {
  it('waits out 503 with Retry-After in seconds and 429 with an HTTP-date, then stores the files', async () => {
    proxy.add({ method: 'GET', path: /a\.jpg$/, fault: { kind: 'status', status: 503, retryAfter: '7' }, times: 1 });
    const at = new Date(Date.now() + 120_000).toUTCString();
    proxy.add({ method: 'GET', path: /b\.jpg$/, fault: { kind: 'status', status: 429, retryAfter: at }, times: 1 });
    const before = proxy.log.length;
    const { summary, waits, stored } = await mirror();
    expect(summary).toMatchObject({ outcome: 'ok', added: 2 });
    expect(stored).toBe(2);
    expect(waits[0]).toBe(7000);
    // An HTTP-date is read against the clock: about two minutes, never the backoff's second.
    expect(waits[1]).toBeGreaterThan(100_000);
    expect(waits[1]).toBeLessThanOrEqual(120_000);
    expect(proxy.log.slice(before).filter((e) => e.method === 'GET').map((e) => e.status)).toEqual([503, 200, 429, 200]);
  });

  it('backs off when a 503 says nothing, and gives up after the policy’s attempts, saying how many', async () => {
    proxy.add({ method: 'GET', path: /a\.jpg$/, fault: { kind: 'status', status: 503 } });
    const before = gets('a.jpg').length;
    const { summary, waits } = await mirror();
    expect(summary.outcome).toBe('failed');
    expect(summary.errors.at(-1)?.message).toMatch(/is busy \(HTTP 503\) and still was after 3 attempts/);
    expect(gets('a.jpg').length - before).toBe(3);
    // Equal jitter with random 0.5: 750 ms, then 1,500 ms (retry-policy.ts backoffDelay).
    expect(waits).toEqual([750, 1500]);
  });

  it('ends the run at once when Retry-After is longer than a run waits, naming when to come back', async () => {
    proxy.add({ method: 'GET', path: /a\.jpg$/, fault: { kind: 'status', status: 429, retryAfter: '3600' } });
    const before = gets('a.jpg').length;
    const { summary, waits } = await mirror();
    expect(summary.outcome).toBe('failed');
    expect(summary.errors.at(-1)?.message).toMatch(/is busy \(HTTP 429\) and asked Lifeboat to wait 60 min; sync again after /);
    expect(gets('a.jpg').length - before).toBe(1);
    expect(waits).toEqual([]);
  });
});
