// A photo walk stopped part way (the worker killed between two folders) leaves its counts in
// the database with the marks they count, and the run that resumes it judges the whole walk:
// 11 files gone from one folder before the stop and 11 from another after it are one run
// that marked 22 of 100 files, not a run that marked 11 of 89.
import { describe, expect, it } from 'vitest';
import { freshDb } from '../support/test-db';
import { insertAccount } from '../../src/db/accounts';
import { photoRecord } from '../../src/photos/photo-record';
import { syncPhotoFolder } from '../../src/sync/photos/sync-photo-folder';
import type { FolderPhotos, FolderWalkSource, RemotePhoto } from '../../src/model/photo-source';
import type { LifeboatDb } from '../../src/db/schema';
import { makeJpeg } from '../harness/sample-photos';

const ROOT = 'http://nas.test/photos/';
const FOLDERS = Array.from({ length: 10 }, (_, n) => `${ROOT}f${n}/`);
const NO_EXIF = { takenAt: null, width: null, height: null, geo: null };

const remote = (folder: string, n: number): RemotePhoto => ({
  href: `${folder}p${n}.jpg`, name: `p${n}.jpg`, etag: `"${n}"`, size: 1, mime: 'image/jpeg', lastModified: null, folder: folder.slice(ROOT.length, -1), digests: [],
});

/** The library as listed: ten folders of ten, minus what was deleted upstream. */
function listing(deleted: Set<string>): FolderPhotos[] {
  const top: FolderPhotos = { url: ROOT, photos: [], folders: FOLDERS };
  return [top, ...FOLDERS.map((url) => ({ url, folders: [], photos: Array.from({ length: 10 }, (_, n) => remote(url, n)).filter((p) => !deleted.has(p.href)) }))];
}

/** A walk source that, when `stopAfter` folders are listed, never answers again: the worker was stopped. */
function walkSource(deleted: Set<string>, stopAfter = Infinity): FolderWalkSource {
  return {
    async *listFolders() {
      let listed = 0;
      for (const folder of listing(deleted)) {
        if (listed++ === stopAfter) await new Promise(() => undefined);
        yield folder;
      }
    },
    download: () => Promise.reject(new Error('nothing to download in this test')),
  };
}

async function library(db: LifeboatDb) {
  const account = await insertAccount(db, { id: 'nas', kind: 'webdav-photos', label: 'NAS', serverUrl: ROOT, calendarServerUrl: null, services: [], username: 'u' }, 1);
  for (const folder of FOLDERS) {
    for (const photo of listing(new Set()).find((f) => f.url === folder)!.photos) {
      const origin = { accountId: account.id, path: photo.href, name: photo.name, etag: photo.etag, mime: photo.mime, albums: [] };
      await db.photos.add(photoRecord(origin, { size: 1, sha256: photo.href }, NO_EXIF, 1));
    }
  }
  return account;
}

/** Until the stopped walk has counted `deleted` files (or a while has passed: then the test fails below). */
async function countedUpTo(db: LifeboatDb, deleted: number): Promise<void> {
  for (let tries = 0; tries < 400; tries++) {
    if ((await db.wipeMarks.get('nas|photos'))?.run?.deleted === deleted) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('a photo walk stopped between folders', () => {
  it('keeps the counts of the folders it finished, and the resumed run raises the alarm the whole run deserves', async () => {
    const db = freshDb();
    const account = await library(db);
    let clock = Date.UTC(2026, 10, 1);
    const now = () => ++clock;
    expect(await syncPhotoFolder({ db, source: walkSource(new Set()), now, account })).toMatchObject({ outcome: 'ok', unchanged: 100 });

    const deleted = new Set([...Array.from({ length: 10 }, (_, n) => `${FOLDERS[0]}p${n}.jpg`), `${FOLDERS[1]}p0.jpg`]);
    for (let n = 0; n < 10; n++) deleted.add(`${FOLDERS[5]}p${n}.jpg`);
    deleted.add(`${FOLDERS[6]}p0.jpg`);
    // Stopped once the top and the first four folders are listed (f0 and f1 marked, 11 files).
    void syncPhotoFolder({ db, source: walkSource(deleted, 5), now, account });
    await countedUpTo(db, 11);
    const mark = await db.wipeMarks.get('nas|photos');
    expect(mark?.run).toMatchObject({ liveBefore: 100, deleted: 11 });
    expect(await db.alarms.count()).toBe(0);

    const resumed = await syncPhotoFolder({ db, source: walkSource(deleted), now, account });
    expect(resumed.deletedUpstream).toBe(11);
    expect(resumed.alarms).toHaveLength(1);
    expect(resumed.alarms[0]).toMatchObject({ kind: 'mass-change', liveBefore: 100, deleted: 22, collectionId: 'nas|photos' });
    expect((await db.wipeMarks.get('nas|photos'))?.run).toBeNull();
    expect(await db.photos.count()).toBe(100);
  });
});

/** A walk source serving real bytes for every file: `etag` and `seed` say what each file is now. */
function servingSource(files: Map<string, { etag: string; seed: number }>): FolderWalkSource {
  return {
    async *listFolders() {
      await Promise.resolve();
      const photos = [...files].map(([name, file]) => ({ ...remote(ROOT, 0), href: `${ROOT}${name}`, name, etag: file.etag, size: null, folder: '' }));
      yield { url: ROOT, photos, folders: [] };
    },
    async download(photo, _offset, consume) {
      const bytes = makeJpeg({ seed: files.get(photo.name)!.seed, padding: 64 });
      await consume({ start: 0, body: new Blob([new Uint8Array(bytes)]).stream(), digests: [] });
    },
  };
}

describe('a photo library whose server re-stamps every ETag', () => {
  it('is no change for the alarm when the bytes are the same, and is one when they differ', async () => {
    const db = freshDb();
    const account = await insertAccount(db, { id: 'nas', kind: 'webdav-photos', label: 'NAS', serverUrl: ROOT, calendarServerUrl: null, services: [], username: 'u' }, 1);
    const files = new Map(Array.from({ length: 20 }, (_, n) => [`p${n}.jpg`, { etag: `"a${n}"`, seed: n }]));
    let clock = Date.UTC(2026, 10, 1);
    const sync = () => syncPhotoFolder({ db, source: servingSource(files), now: () => ++clock, account });
    expect(await sync()).toMatchObject({ outcome: 'ok', added: 20 });

    for (const [name, file] of files) files.set(name, { ...file, etag: `"b${file.seed}"` });
    const restamped = await sync();
    expect(restamped.alarms).toEqual([]);
    expect(await db.photoVersions.count()).toBe(0);

    for (const [name, file] of files) files.set(name, { etag: `"c${file.seed}"`, seed: file.seed + 100 });
    const rewritten = await sync();
    expect(rewritten.alarms[0]).toMatchObject({ kind: 'mass-change', changed: 20, liveBefore: 20 });
    expect(await db.photoVersions.count()).toBe(20);
  });
});
