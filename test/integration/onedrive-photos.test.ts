// OneDrive photos through the real engine and the OneDrive source, from the Graph drive test
// server: the camera roll found by name, listed by delta over several pages, folders kept as
// albums, files fetched from a storage host on another origin that refuses the Graph token;
// then a no-change run that costs one request, changes and deletions through the delta link,
// throttling waited out, an expired delta link turned into a full compare, and a deleted folder
// or many deleted files that raise the wipe alarm while every file stays, marked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeJpeg, makeMp4 } from '../harness';
import { startGraphDriveServer, type GraphDriveServer } from '../harness/graph-drive-server';
import { freshDb } from '../support/test-db';
import { insertAccount } from '../../src/db/accounts';
import type { AccountRecord } from '../../src/model/account';
import type { LifeboatDb } from '../../src/db/schema';
import { DEFAULT_SETTINGS } from '../../src/db/settings';
import { retryPolicy } from '../../src/http/retry-policy';
import type { DriveFolder } from '../../src/model/drive-folder';
import { findDriveFolder } from '../../src/providers/onedrive-photos/find-drive-folder';
import { createOneDrivePhotoSource } from '../../src/providers/onedrive-photos/onedrive-photo-source';
import { syncPhotoFolder } from '../../src/sync/photos/sync-photo-folder';
import { hashBlob } from '../../src/photos/hash-blob';
import { byteSize } from '../../src/db/photos/stored-bytes';

const TOKEN = 'drive-test-token';
const bearer = { accessToken: TOKEN, renew: () => Promise.resolve(TOKEN) };
const ROLL = 'Pictures/Camera Roll';
let graph: GraphDriveServer;
let db: LifeboatDb;
let account: AccountRecord;
let folder: DriveFolder;
const sleeps: number[] = [];

const run = (settings = DEFAULT_SETTINGS) => {
  const sleep = (ms: number) => Promise.resolve(void sleeps.push(ms));
  const source = createOneDrivePhotoSource({ graphUrl: graph.graphUrl, bearer, folder }, { retry: { sleep } });
  return syncPhotoFolder({ db, source, settings, now: Date.now, retry: retryPolicy({ sleep }), credentialsRejected: 'needs-sign-in', account });
};
const photoNamed = async (name: string) => (await db.photos.toArray()).find((p) => p.name === name)!;

beforeAll(async () => {
  graph = await startGraphDriveServer((token) => token === TOKEN, { pageSize: 3 });
  graph.putFile(`${ROLL}/IMG_0001.jpg`, makeJpeg({ takenAt: '2021:03:04 05:06:07', width: 24, height: 16 }));
  graph.putFile(`${ROLL}/2022/Holidays/IMG_0002.jpg`, makeJpeg({ takenAt: '2022:08:01 12:00:00', padding: 300_000 }));
  graph.putFile(`${ROLL}/2022/Holidays/clip.mp4`, makeMp4(20_000));
  graph.putFile(`${ROLL}/2022/IMG_0003.jpg`, makeJpeg({ seed: 3, padding: 1000 }), { noDownloadUrl: true });
  graph.putFile(`${ROLL}/notes.txt`, new TextEncoder().encode('not a photo'), { mime: 'text/plain' });
  graph.putFile('Pictures/elsewhere.jpg', makeJpeg({ seed: 9 }));
  db = freshDb();
  folder = await findDriveFolder({ graphUrl: graph.graphUrl, bearer }, { special: 'cameraroll' });
  account = await insertAccount(db, { id: 'od', kind: 'onedrive-photos', label: 'OneDrive', serverUrl: graph.graphUrl, calendarServerUrl: null, services: [], username: '', driveFolder: folder }, 1);
});

afterAll(async () => {
  await graph?.stop();
});

describe('finding the folder', () => {
  it('finds the camera roll by name and a folder by its path, and says when there is none', async () => {
    expect(folder).toEqual({ id: graph.tree.find(ROLL)!.id, name: 'Camera Roll', drive: 'personal' });
    const conn = { graphUrl: graph.graphUrl, bearer };
    expect(await findDriveFolder(conn, { path: '/Pictures//Camera Roll/2022/' })).toMatchObject({ name: 'Pictures/Camera Roll/2022', drive: 'personal' });
    await expect(findDriveFolder(conn, { path: 'Pictures/Nowhere' })).rejects.toThrow(/no folder \/Pictures\/Nowhere/);
    await expect(findDriveFolder(conn, { path: `${ROLL}/notes.txt` })).rejects.toThrow(/is not a folder/);
  });
});

describe('OneDrive photos', () => {
  it('mirrors the camera roll by delta, byte for byte, with folders as albums, and never sends the token to the storage host', async () => {
    const summary = await run();
    expect(summary).toMatchObject({ outcome: 'ok', added: 4, errors: [] });
    const photos = await db.photos.toArray();
    expect(photos.map((p) => p.name).sort()).toEqual(['IMG_0001.jpg', 'IMG_0002.jpg', 'IMG_0003.jpg', 'clip.mp4']);
    expect(await photoNamed('IMG_0001.jpg')).toMatchObject({ takenAt: Date.UTC(2021, 2, 4, 5, 6, 7), width: 24, mime: 'image/jpeg', albums: [] });
    expect((await photoNamed('IMG_0002.jpg')).albums).toEqual(['2022/Holidays']);
    expect((await photoNamed('clip.mp4')).mime).toBe('video/mp4');
    const second = await photoNamed('IMG_0002.jpg');
    const blob = (await db.photoBlobs.get(second.id))!.data;
    expect(byteSize(blob)).toBe(second.size);
    expect((await hashBlob(blob))['sha-256']).toBe(second.sha256);
    // Several pages, linked by @odata.nextLink; the file without a listed address through /content's 302.
    expect(graph.log.filter((l) => l.includes('/delta?$skiptoken=')).length).toBeGreaterThan(1);
    expect(graph.log).toContain(`302 /v1.0/me/drive/items/${graph.tree.find(`${ROLL}/2022/IMG_0003.jpg`)!.id}/content`);
    expect(graph.storage.log.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(graph.storage.log.some((r) => r.authorized)).toBe(false);
    expect((await db.accounts.get('od'))?.photoCursor).toMatch(/deltaLink/);
  });

  it('costs one request when nothing changed', async () => {
    const before = graph.log.length;
    expect(await run()).toMatchObject({ outcome: 'ok', added: 0, changed: 0, deletedUpstream: 0 });
    expect(graph.log.slice(before)).toEqual([expect.stringMatching(/^200 \/v1\.0\/me\/drive\/items\/[^/]+\/delta\?token=\d+$/)]);
  });

  it('brings new, replaced and deleted files through the delta link, waiting out 429 and 503 as Retry-After says', async () => {
    graph.putFile(`${ROLL}/IMG_0004.jpg`, makeJpeg({ takenAt: '2024:01:01 00:00:00' }));
    graph.putFile(`${ROLL}/IMG_0001.jpg`, makeJpeg({ takenAt: '2021:03:04 05:06:07', width: 32, height: 16 }));
    graph.remove(`${ROLL}/2022/Holidays/clip.mp4`);
    graph.throttle(2);
    graph.storage.throttle(1);
    sleeps.length = 0;
    const before = graph.log.length;
    expect(await run()).toMatchObject({ outcome: 'ok', added: 1, changed: 1, deletedUpstream: 1, errors: [] });
    expect(graph.log.slice(before).filter((l) => l.startsWith('429'))).toHaveLength(2);
    expect(graph.log.slice(before).some((l) => /delta(\?\$skiptoken=full|$)/.test(l))).toBe(false);
    expect(sleeps.filter((ms) => ms === 1000)).toHaveLength(3);
    const clip = await photoNamed('clip.mp4');
    expect(clip).toMatchObject({ live: 0 });
    expect(byteSize((await db.photoBlobs.get(clip.id))!.data)).toBe(20_000);
    expect((await db.photoVersions.toArray()).map((v) => v.photoId)).toEqual([(await photoNamed('IMG_0001.jpg')).id]);
  });

  it('lists everything again after an expired delta link (410), and loses nothing', async () => {
    graph.expireDeltaLinks();
    graph.putFile(`${ROLL}/IMG_0005.jpg`, makeJpeg({ seed: 5 }));
    const summary = await run();
    expect(graph.log.filter((l) => l.startsWith('410'))).toHaveLength(1);
    expect(summary).toMatchObject({ outcome: 'ok', added: 1, changed: 0, deletedUpstream: 0, alarms: [] });
    expect(await db.photos.filter((p) => p.live === 1).count()).toBe(5);
    expect(await db.photos.count()).toBe(6);
  });

  it('fetches a fresh address when the listed one has expired', async () => {
    graph.putFile(`${ROLL}/IMG_0006.jpg`, makeJpeg({ seed: 6 }));
    let expired = false;
    const fetchExpiring: typeof fetch = (input, init) => {
      if (!expired && (input instanceof Request ? input.url : input.toString()).startsWith(graph.storage.origin)) {
        expired = true;
        graph.storage.expireAddresses();
      }
      return fetch(input, init);
    };
    const source = createOneDrivePhotoSource({ graphUrl: graph.graphUrl, bearer, folder, fetch: fetchExpiring });
    expect(await syncPhotoFolder({ db, source, now: Date.now, account })).toMatchObject({ outcome: 'ok', added: 1 });
    expect(graph.storage.log.slice(-2).map((r) => r.status)).toEqual([403, 200]);
    expect(graph.log.some((l) => l.includes('?select=id,@microsoft.graph.downloadUrl'))).toBe(true);
  });

  it('keeps and marks the files of a deleted folder, and raises the wipe alarm', async () => {
    graph.putFile(`${ROLL}/2022/IMG_0007.jpg`, makeJpeg({ seed: 7 }));
    expect(await run()).toMatchObject({ outcome: 'ok', added: 1 });
    graph.remove(`${ROLL}/2022`);
    const summary = await run({ ...DEFAULT_SETTINGS, wipeMinItems: 3 });
    // The delta names the folder alone; the full listing that follows finds its files gone.
    expect(summary).toMatchObject({ outcome: 'ok', deletedUpstream: 3, alarms: [expect.objectContaining({ kind: 'mass-change', deleted: 3 })] });
    const gone = (await db.photos.toArray()).filter((p) => p.live === 0).map((p) => p.name).sort();
    expect(gone).toEqual(['IMG_0002.jpg', 'IMG_0003.jpg', 'IMG_0007.jpg', 'clip.mp4']);
    for (const name of gone) expect(await db.photoBlobs.get((await photoNamed(name)).id)).toBeDefined();
  });

  it('raises the wipe alarm when a delta deletes much of the library, and keeps every file', async () => {
    for (const name of ['IMG_0004.jpg', 'IMG_0005.jpg', 'IMG_0006.jpg']) graph.remove(`${ROLL}/${name}`);
    const before = graph.log.length;
    const summary = await run({ ...DEFAULT_SETTINGS, wipeMinItems: 3 });
    // Delta pages only: no full listing.
    expect(graph.log.slice(before).every((l) => /\/delta\?(token=\d+|\$skiptoken=\d+:\d+)$/.test(l))).toBe(true);
    expect(summary).toMatchObject({ outcome: 'ok', deletedUpstream: 3, alarms: [expect.objectContaining({ kind: 'mass-change', liveBefore: 4, deleted: 3 })] });
    expect(await db.photos.count()).toBe(8);
    expect(await db.photoBlobs.count()).toBe(8);
  });

  it('pauses for a new sign-in when Graph refuses the token', async () => {
    const refused = { accessToken: 'expired', renew: () => Promise.reject(Object.assign(new Error('The sign-in has expired (test).'), { code: 'auth' })) };
    const source = createOneDrivePhotoSource({ graphUrl: graph.graphUrl, bearer: refused, folder });
    expect(await syncPhotoFolder({ db, source, now: Date.now, credentialsRejected: 'needs-sign-in', account })).toMatchObject({ outcome: 'failed' });
    expect((await db.accounts.get('od'))?.status).toBe('needs-sign-in');
    expect(await db.photos.filter((p) => p.live === 1).count()).toBe(1);
  });
});
