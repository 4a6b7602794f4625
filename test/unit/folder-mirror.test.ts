// What the mirror holds of one folder, read by key ranges: the folder's own files, and the
// live files of sub-folders its listing no longer names. A sub-folder listed under another
// spelling of its name (percent-escapes in the other case) is still there.
import { beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../support/test-db';
import type { LifeboatDb } from '../../src/db/schema';
import { folderMirror } from '../../src/db/photos/folder-photos';
import { photoRecord } from '../../src/photos/photo-record';

const ROOT = 'http://nas.test/photos/';
const NO_EXIF = { takenAt: null, width: null, height: null, geo: null };
let db: LifeboatDb;

async function hold(accountId: string, path: string, live: 0 | 1 = 1): Promise<void> {
  const origin = { accountId, path, name: path.split('/').pop()!, etag: `"${path.length}"`, mime: 'image/jpeg', albums: [] };
  await db.photos.add({ ...photoRecord(origin, { size: 1, sha256: 'x' }, NO_EXIF, 1), live });
}

beforeEach(async () => {
  db = freshDb();
  for (const path of ['top.jpg', 'old.jpg', '2021/a.jpg', '2021/deep/b.jpg', 'gone/c.jpg', 'gone/deeper/d.jpg', '%c3%a9t%c3%a9/e.jpg']) await hold('acc', ROOT + path);
  await hold('acc', `${ROOT}gone/marked.jpg`, 0);
  await hold('other', `${ROOT}top.jpg`);
  await hold('acc', 'http://nas.test/photosynth/z.jpg');
});

describe('folderMirror', () => {
  it("gives the folder's own files and the live files of vanished sub-folders, nested ones too", async () => {
    const found = await folderMirror(db, 'acc', ROOT, [`${ROOT}2021/`, `${ROOT}%C3%A9t%C3%A9/`]);
    expect([...found.files.keys()].sort()).toEqual([`${ROOT}old.jpg`, `${ROOT}top.jpg`]);
    expect(found.files.get(`${ROOT}top.jpg`)).toEqual({ etag: `"${(ROOT + 'top.jpg').length}"`, live: true });
    expect(found.inVanishedFolders.sort()).toEqual([`acc|${ROOT}gone/c.jpg`, `acc|${ROOT}gone/deeper/d.jpg`]);
  });

  it('reads a sub-folder alone, leaving its own sub-folders to their turn', async () => {
    const found = await folderMirror(db, 'acc', `${ROOT}2021/`, [`${ROOT}2021/deep/`]);
    expect([...found.files.keys()]).toEqual([`${ROOT}2021/a.jpg`]);
    expect(found.inVanishedFolders).toEqual([]);
  });

  it('counts a sub-folder missing from the listing as vanished; a folder without sub-folders has none', async () => {
    const found = await folderMirror(db, 'acc', `${ROOT}2021/`, []);
    expect(found.inVanishedFolders).toEqual([`acc|${ROOT}2021/deep/b.jpg`]);
    expect((await folderMirror(db, 'acc', `${ROOT}2021/deep/`, [])).inVanishedFolders).toEqual([]);
  });
});
