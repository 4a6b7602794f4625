// A photo folder behind the fault proxy: a download damaged on the way is caught by its hash
// (rclone states each file's SHA-256 as its ETag) and not stored, and a download cut off mid-way
// resumes with a Range request for only the missing bytes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultProxy, startWebdavFolder, makeJpeg, type FaultProxy, type WebdavFolderServer } from '../harness';
import { freshDb } from '../support/test-db';
import { insertAccount } from '../../src/db/accounts';
import type { AccountRecord } from '../../src/model/account';
import type { LifeboatDb } from '../../src/db/schema';
import { HOLD_WHOLE_BYTES, PART_BYTES } from '../../src/db/photos/photo-parts';
import { createPhotoFolderSource } from '../../src/providers/webdav-photos/photo-folder-source';
import { syncPhotoFolder } from '../../src/sync/photos/sync-photo-folder';
import { retryPolicy } from '../../src/http/retry-policy';
import { hashBlob } from '../../src/photos/hash-blob';
import { byteSize } from '../../src/db/photos/stored-bytes';

// Bigger than a file held whole: it streams into IndexedDB in parts as it arrives.
const BIG = makeJpeg({ padding: HOLD_WHOLE_BYTES + Math.floor(PART_BYTES * 1.5), seed: 7 });
let server: WebdavFolderServer;
let proxy: FaultProxy;
let db: LifeboatDb;
let account: AccountRecord;

/** One try per download, so that a fault ends the run instead of being retried away. */
const run = () => {
  const retry = retryPolicy({ maxAttempts: 1 });
  const source = createPhotoFolderSource({ serverUrl: proxy.url, username: server.username, password: server.password }, { retry: { maxAttempts: 1 } });
  return syncPhotoFolder({ db, source, now: Date.now, retry, account });
};

beforeAll(async () => {
  server = await startWebdavFolder({ files: { 'small.jpg': makeJpeg({ seed: 1, padding: 2000 }), 'big.jpg': BIG } });
  proxy = await startFaultProxy(server.url);
  db = freshDb();
  account = await insertAccount(db, { id: 'p', kind: 'webdav-photos', label: 'Faulty', serverUrl: proxy.url, calendarServerUrl: null, services: [], username: server.username }, 1);
});

afterAll(async () => {
  await proxy?.stop();
  await server?.stop();
});

describe('photo downloads that go wrong', () => {
  it('catches a download damaged on the way by its hash, stores nothing of it, and fetches it again next run', async () => {
    proxy.add({ method: 'GET', path: /small\.jpg/, fault: { kind: 'corrupt' }, times: 1 });
    proxy.add({ method: 'GET', path: /big\.jpg/, fault: { kind: 'truncate', keep: 0.7, framing: 'cut' }, times: 1 });
    const first = await run();
    expect(first.outcome).toBe('failed');
    expect(first.errors.map((e) => e.message).join('\n')).toMatch(/small\.jpg: the downloaded file does not match the SHA-256 the server states \(ETag\)/);
    expect(await db.photos.count()).toBe(0);
  });

  it('resumes the cut-off download with Range, for the missing bytes only', async () => {
    const held = (await db.photoParts.toArray()).reduce((sum, part) => sum + part.data.size, 0);
    expect(held).toBeGreaterThanOrEqual(PART_BYTES);
    const second = await run();
    expect(second).toMatchObject({ outcome: 'ok', added: 2 });
    const resumed = proxy.log.filter((entry) => entry.method === 'GET' && entry.path.endsWith('big.jpg')).pop();
    expect(resumed).toMatchObject({ range: `bytes=${held}-`, status: 206 });
    const big = (await db.photos.toArray()).find((p) => p.name === 'big.jpg')!;
    const stored = (await db.photoBlobs.get(big.id))!.data;
    expect(byteSize(stored)).toBe(BIG.byteLength);
    expect((await hashBlob(stored))['sha-256']).toBe(big.sha256);
    expect(await db.photoParts.count()).toBe(0);
  });
});
