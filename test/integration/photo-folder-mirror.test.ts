// A photo folder mirrored from a real WebDAV server (rclone serve webdav on loopback): the first
// mirror with EXIF read and folders as albums, then files added, replaced and deleted upstream.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebdavFolder, makeJpeg, makeMp4, type WebdavFolderServer } from '../harness';
import { freshDb } from '../support/test-db';
import { insertAccount } from '../../src/db/accounts';
import type { AccountRecord } from '../../src/model/account';
import type { LifeboatDb } from '../../src/db/schema';
import { createPhotoFolderSource } from '../../src/providers/webdav-photos/photo-folder-source';
import { syncPhotoFolder } from '../../src/sync/photos/sync-photo-folder';
import { hashBlob } from '../../src/photos/hash-blob';
import { byteSize } from '../../src/db/photos/stored-bytes';

let server: WebdavFolderServer;
let db: LifeboatDb;
let account: AccountRecord;

const run = () => {
  const source = createPhotoFolderSource({ serverUrl: server.url, username: server.username, password: server.password });
  return syncPhotoFolder({ db, source, now: Date.now, account });
};

beforeAll(async () => {
  server = await startWebdavFolder({
    files: {
      'IMG_0001.jpg': makeJpeg({ takenAt: '2021:03:04 05:06:07', width: 24, height: 16 }),
      '2022/Holidays/IMG_0002.jpg': makeJpeg({ takenAt: '2022:08:01 12:00:00', padding: 300_000 }),
      '2022/Holidays/clip.mp4': makeMp4(20_000),
      'notes.txt': new TextEncoder().encode('not a photo'),
      '.hidden/IMG_9.jpg': makeJpeg(),
    },
  });
  db = freshDb();
  account = await insertAccount(db, { id: 'photos', kind: 'webdav-photos', label: 'NAS photos', serverUrl: server.url, calendarServerUrl: null, services: [], username: server.username }, 1);
});

afterAll(async () => {
  await server?.stop();
});

describe('a WebDAV photo folder', () => {
  it('mirrors every photo and video byte for byte, with EXIF and folders as albums', async () => {
    const summary = await run();
    expect(summary).toMatchObject({ outcome: 'ok', added: 3, errors: [] });
    const photos = await db.photos.toArray();
    expect(photos.map((p) => p.name).sort()).toEqual(['IMG_0001.jpg', 'IMG_0002.jpg', 'clip.mp4']);
    const first = photos.find((p) => p.name === 'IMG_0001.jpg')!;
    expect(first).toMatchObject({ takenAt: Date.UTC(2021, 2, 4, 5, 6, 7), width: 24, height: 16, mime: 'image/jpeg', albums: [], live: 1 });
    const second = photos.find((p) => p.name === 'IMG_0002.jpg')!;
    expect(second.albums).toEqual(['2022/Holidays']);
    const blob = (await db.photoBlobs.get(second.id))!.data;
    expect(byteSize(blob)).toBe(second.size);
    expect((await hashBlob(blob))['sha-256']).toBe(second.sha256);
    expect(await db.photoParts.count()).toBe(0);
    expect((await db.accounts.get('photos'))?.status).toBe('idle');
  });

  it('fetches nothing again when nothing changed', async () => {
    expect(await run()).toMatchObject({ outcome: 'ok', added: 0, changed: 0, unchanged: 3 });
  });

  it('adds new files, keeps the earlier bytes of a replaced one, and marks deleted ones', async () => {
    await server.put('IMG_0003.jpg', makeJpeg({ takenAt: '2024:01:01 00:00:00' }));
    await server.put('IMG_0001.jpg', makeJpeg({ takenAt: '2021:03:04 05:06:07', width: 32, height: 16 }));
    await server.remove('2022/Holidays/clip.mp4');
    const summary = await run();
    expect(summary).toMatchObject({ outcome: 'ok', added: 1, changed: 1, deletedUpstream: 1 });
    const clip = (await db.photos.toArray()).find((p) => p.name === 'clip.mp4')!;
    expect(clip).toMatchObject({ live: 0 });
    expect(byteSize((await db.photoBlobs.get(clip.id))!.data)).toBe(20_000);
    const versions = await db.photoVersions.toArray();
    expect(versions).toHaveLength(1);
    expect(versions[0]!.photoId).toMatch(/IMG_0001\.jpg$/);
  });
});
