// A folder tree mirrored folder by folder from a real WebDAV server (rclone serve webdav, behind
// the fault proxy so that requests can be counted and refused): each folder is compared with
// what the mirror holds of that folder alone, so a sub-folder that vanished upstream must be
// noticed by its parent, unchanged folders must cost no download, a folder that cannot be
// listed must not pass for an empty one, and the wipe alarm must still see the whole run.
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultProxy, startWebdavFolder, makeJpeg, type FaultProxy, type WebdavFolderServer } from '../harness';
import { freshDb } from '../support/test-db';
import { insertAccount } from '../../src/db/accounts';
import type { AccountRecord } from '../../src/model/account';
import type { LifeboatDb } from '../../src/db/schema';
import { DEFAULT_SETTINGS } from '../../src/db/settings';
import { createPhotoFolderSource } from '../../src/providers/webdav-photos/photo-folder-source';
import { syncPhotoFolder } from '../../src/sync/photos/sync-photo-folder';
import { retryPolicy } from '../../src/http/retry-policy';

let server: WebdavFolderServer;
let proxy: FaultProxy;
let db: LifeboatDb;
let account: AccountRecord;

const run = (settings = DEFAULT_SETTINGS) => {
  const source = createPhotoFolderSource({ serverUrl: proxy.url, username: server.username, password: server.password }, { retry: { maxAttempts: 1 } });
  return syncPhotoFolder({ db, source, now: Date.now, settings, retry: retryPolicy({ maxAttempts: 1 }), account });
};

/** What the mirror holds, as "name:live" sorted, with the album of each live file. */
async function mirrored(): Promise<string[]> {
  return (await db.photos.toArray()).map((p) => `${p.albums.join('/') || '.'}/${p.name}:${p.live}`).sort();
}

const downloads = (since: number) => proxy.log.slice(since).filter((entry) => entry.method === 'GET').length;

beforeAll(async () => {
  server = await startWebdavFolder({
    files: {
      'top.jpg': makeJpeg({ seed: 1 }),
      '2021/a.jpg': makeJpeg({ seed: 2 }),
      '2021/b.jpg': makeJpeg({ seed: 3 }),
      '2022/Summer/c.jpg': makeJpeg({ seed: 4 }),
      '2022/Summer/Beach/d.jpg': makeJpeg({ seed: 5 }),
      '2023/e.jpg': makeJpeg({ seed: 6 }),
    },
  });
  proxy = await startFaultProxy(server.url);
  db = freshDb();
  account = await insertAccount(db, { id: 'tree', kind: 'webdav-photos', label: 'Tree', serverUrl: proxy.url, calendarServerUrl: null, services: [], username: server.username }, 1);
});

afterAll(async () => {
  await proxy?.stop();
  await server?.stop();
});

describe('a folder tree mirrored folder by folder', () => {
  it('mirrors every folder, however deep, each file with its folder as album', async () => {
    expect(await run()).toMatchObject({ outcome: 'ok', added: 6, deletedUpstream: 0 });
    expect(await mirrored()).toEqual(['./top.jpg:1', '2021/a.jpg:1', '2021/b.jpg:1', '2022/Summer/Beach/d.jpg:1', '2022/Summer/c.jpg:1', '2023/e.jpg:1']);
  });

  it('marks the files of a vanished sub-folder, nested ones too, and downloads nothing that did not change', async () => {
    await rm(join(server.dir, '2022'), { recursive: true });
    const since = proxy.log.length;
    expect(await run()).toMatchObject({ outcome: 'ok', added: 0, changed: 0, unchanged: 4, deletedUpstream: 2 });
    expect(downloads(since)).toBe(0);
    expect(await mirrored()).toEqual(['./top.jpg:1', '2021/a.jpg:1', '2021/b.jpg:1', '2022/Summer/Beach/d.jpg:0', '2022/Summer/c.jpg:0', '2023/e.jpg:1']);
    // Marked, never deleted: the bytes of the vanished files are kept.
    expect(await db.photoBlobs.count()).toBe(6);
  });

  it('sees a renamed folder as its files deleted in one place and added in the other', async () => {
    await rename(join(server.dir, '2021'), join(server.dir, '2021 Trip'));
    expect(await run()).toMatchObject({ outcome: 'ok', added: 2, deletedUpstream: 2 });
    expect((await mirrored()).filter((entry) => entry.startsWith('2021'))).toEqual(['2021 Trip/a.jpg:1', '2021 Trip/b.jpg:1', '2021/a.jpg:0', '2021/b.jpg:0']);
  });

  it('does not take a folder it could not list for an empty one, and keeps what the run fetched before', async () => {
    await server.put('new.jpg', makeJpeg({ seed: 7 }));
    proxy.add({ method: 'PROPFIND', path: /\/2023\/$/, fault: { kind: 'status', status: 500 }, times: 1 });
    const summary = await run();
    expect(summary.outcome).toBe('failed');
    expect(summary.errors.map((e) => e.message).join(' ')).toMatch(/500/);
    const entries = await mirrored();
    expect(entries).toContain('2023/e.jpg:1');
    expect(entries).toContain('./new.jpg:1');
  });

  it('raises the wipe alarm when a run marks much of the library, and keeps every byte', async () => {
    await Promise.all(['top.jpg', 'new.jpg', '2021 Trip/a.jpg'].map((path) => server.remove(path)));
    const summary = await run({ ...DEFAULT_SETTINGS, wipeMinItems: 2, wipeShare: 0.5 });
    expect(summary).toMatchObject({ outcome: 'ok', deletedUpstream: 3 });
    expect(summary.alarms.map((alarm) => alarm.kind)).toEqual(['mass-change']);
    expect(await db.photoBlobs.count()).toBe(9);
  });

  it('calls a library listed empty "emptied"', async () => {
    await rm(join(server.dir, '2021 Trip'), { recursive: true });
    await rm(join(server.dir, '2023'), { recursive: true });
    await mkdir(join(server.dir, 'empty'));
    const summary = await run();
    expect(summary.alarms.map((alarm) => alarm.kind)).toEqual(['emptied']);
    expect((await mirrored()).every((entry) => entry.endsWith(':0'))).toBe(true);
  });
});
