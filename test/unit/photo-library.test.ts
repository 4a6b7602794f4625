// Takeout zips made here, imported twice (deduplicated by SHA-256); the checksum re-check
// catching a damaged stored file; photos in the backup archive by year and month, with albums.
import { beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../support/test-db';
import type { LifeboatDb } from '../../src/db/schema';
import { Uint8ArrayReader, Uint8ArrayWriter, ZipWriter } from '../../src/archive/zip';
import { importTakeout } from '../../src/photos/takeout/import-takeout';
import { recheckPhotos } from '../../src/photos/recheck-photos';
import { archiveContents } from '../../src/archive/archive-contents';
import { makeJpeg, makeMp4 } from '../harness/sample-photos';
import { byteSize } from '../../src/db/photos/stored-bytes';

const ROOT = 'Takeout/Google Photos/';
const sidecar = (title: string, seconds: number) => new TextEncoder().encode(JSON.stringify({ title, photoTakenTime: { timestamp: String(seconds) }, geoData: { latitude: 0, longitude: 0 } }));

async function zip(files: Record<string, Uint8Array>): Promise<Blob> {
  const writer = new ZipWriter(new Uint8ArrayWriter());
  for (const [path, bytes] of Object.entries(files)) await writer.add(path, new Uint8ArrayReader(bytes));
  return new Blob([(await writer.close())]);
}

const BEACH = makeJpeg({ takenAt: '2001:01:01 00:00:00', padding: 1000, seed: 1 });
const CLIP = makeMp4(5000);
let db: LifeboatDb;

beforeEach(async () => {
  db = freshDb();
  const first = await zip({
    [`${ROOT}Photos from 2019/IMG_1.jpg`]: BEACH,
    [`${ROOT}Photos from 2019/IMG_1.jpg.supplemental-metadata.json`]: sidecar('IMG_1.jpg', 1563198005),
    [`${ROOT}Photos from 2019/VID_2.mp4`]: CLIP,
  });
  // The second part holds an album with the same photo (as Takeouts do) and the clip's sidecar.
  const second = await zip({
    [`${ROOT}Summer/metadata.json`]: new TextEncoder().encode('{"title":"Summer 2019"}'),
    [`${ROOT}Summer/IMG_1.jpg`]: BEACH,
    [`${ROOT}Summer/IMG_1.jpg.json`]: sidecar('IMG_1.jpg', 1563198005),
    [`${ROOT}Photos from 2019/VID_2.mp4.supplemental-metadata.json`]: sidecar('VID_2.mp4', 1565000000),
  });
  const report = await importTakeout(db, [first, second], 1000);
  expect(report).toEqual({ added: 2, duplicates: 1, withoutSidecar: 0 });
});

describe('the photo library', () => {
  it('imports Takeouts once, with the sidecar time and the album, however often they come', async () => {
    const photos = (await db.photos.toArray()).sort((a, b) => a.name.localeCompare(b.name));
    expect(photos.map((p) => [p.name, p.takenAt, p.albums])).toEqual([
      ['IMG_1.jpg', 1563198005000, ['Summer 2019']],
      ['VID_2.mp4', 1565000000000, []],
    ]);
    const again = await importTakeout(db, [await zip({ [`${ROOT}Photos from 2019/IMG_1.jpg`]: BEACH })], 2000);
    expect(again).toMatchObject({ added: 0, duplicates: 1, withoutSidecar: 1 });
    expect(await db.photoParts.count()).toBe(0);
  });

  it('finds a stored file that no longer matches its checksum, and says so in the run log', async () => {
    const photo = (await db.photos.toArray()).find((p) => p.name === 'IMG_1.jpg')!;
    const damaged = new Uint8Array(BEACH);
    damaged[damaged.length - 10] = (damaged[damaged.length - 10] ?? 0) ^ 0xff;
    await db.photoBlobs.put({ id: photo.id, data: new Blob([damaged]) });
    const { checked, corrupt } = await recheckPhotos(db, 5000, { checkedBefore: 5000, maxFiles: 10, maxBytes: 1e9 });
    expect(checked).toBe(2);
    expect(corrupt.map((p) => p.name)).toEqual(['IMG_1.jpg']);
    expect((await db.photos.get(photo.id))?.corruptAt).toBe(5000);
    const [run] = await db.runs.toArray();
    expect(run?.errors[0]?.message).toMatch(/IMG_1\.jpg: the stored copy no longer matches its SHA-256/);
  });

  it('puts photos in the archive by year and month, once, with album lists', async () => {
    const files = [];
    for await (const file of archiveContents(db)) files.push(file);
    expect(files.map((f) => f.entry.path)).toEqual(['photos/2019/08/VID_2.mp4', 'photos/2019/07/IMG_1.jpg', 'photos/albums/Summer 2019.txt']);
    expect(new TextDecoder().decode(files[2]!.data as Uint8Array)).toBe('photos/2019/07/IMG_1.jpg\r\n');
    expect(byteSize(files[1]!.data)).toBe(BEACH.byteLength);
  });
});
