// OneDrive downloads that go wrong, from the Graph drive test server's storage host: a file
// damaged on the way is caught by the hash OneDrive states (sha1Hash on a personal drive,
// QuickXorHash on a business one), is not stored, and comes again next run, because the delta
// link is saved only after a run that stored everything; a download cut off mid-way resumes
// with a Range request for the missing bytes only, on either drive, and is checked whole.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeJpeg } from '../harness';
import { startGraphDriveServer, type GraphDriveServer } from '../harness/graph-drive-server';
import { freshDb } from '../support/test-db';
import { insertAccount } from '../../src/db/accounts';
import type { PhotoBytes } from '../../src/model/photo';
import type { AccountRecord } from '../../src/model/account';
import type { LifeboatDb } from '../../src/db/schema';
import { PART_BYTES } from '../../src/db/photos/photo-parts';
import { retryPolicy } from '../../src/http/retry-policy';
import type { DriveFolder } from '../../src/model/drive-folder';
import { findDriveFolder } from '../../src/providers/onedrive-photos/find-drive-folder';
import { createOneDrivePhotoSource } from '../../src/providers/onedrive-photos/onedrive-photo-source';
import { syncPhotoFolder } from '../../src/sync/photos/sync-photo-folder';
import { hashBlob } from '../../src/photos/hash-blob';
import { asBlob, byteSize } from '../../src/db/photos/stored-bytes';

const TOKEN = 'drive-test-token';
const bearer = { accessToken: TOKEN, renew: () => Promise.resolve(TOKEN) };
const ROLL = 'Pictures/Camera Roll';
const BIG = makeJpeg({ padding: Math.floor(PART_BYTES * 2.5), seed: 7 });
const LONG = makeJpeg({ padding: Math.floor(PART_BYTES * 2.5), seed: 8 });

interface World {
  graph: GraphDriveServer;
  db: LifeboatDb;
  account: AccountRecord;
  folder: DriveFolder;
}

async function world(driveType: 'personal' | 'business'): Promise<World> {
  const graph = await startGraphDriveServer((token) => token === TOKEN, { driveType, pageSize: 50 });
  graph.putFile(`${ROLL}/small.jpg`, makeJpeg({ seed: 1, padding: 2000 }));
  graph.putFile(`${ROLL}/big.jpg`, BIG);
  graph.putFile('Documents/scan.jpg', makeJpeg({ seed: 2 }));
  const folder = await findDriveFolder({ graphUrl: graph.graphUrl, bearer }, { special: 'cameraroll' });
  const db = freshDb();
  const account = await insertAccount(db, { id: driveType, kind: 'onedrive-photos', label: 'OneDrive', serverUrl: graph.graphUrl, calendarServerUrl: null, services: [], username: '', driveFolder: folder }, 1);
  return { graph, db, account, folder };
}

/** One try per download, so that a fault ends the run instead of being retried away. */
const run = ({ graph, db, account, folder }: World) => {
  const source = createOneDrivePhotoSource({ graphUrl: graph.graphUrl, bearer, folder }, { retry: { maxAttempts: 1 } });
  return syncPhotoFolder({ db, source, now: Date.now, retry: retryPolicy({ maxAttempts: 1 }), account });
};

const stored = async ({ db }: World, name: string) => {
  const photo = (await db.photos.toArray()).find((p) => p.name === name)!;
  const data = (await db.photoBlobs.get(photo.id))!.data;
  return { photo, data, sha256: (await hashBlob(data))['sha-256'] };
};

/** Byte for byte, without a deep comparison of megabytes. */
const sameBytes = async (data: PhotoBytes, bytes: Uint8Array) => Buffer.from(await asBlob(data).arrayBuffer()).equals(bytes);

describe('a personal OneDrive', () => {
  let w: World;
  beforeAll(async () => (w = await world('personal')));
  afterAll(() => w?.graph.stop());

  it('catches a damaged download by its sha1Hash and stores nothing of it', async () => {
    w.graph.storage.fault('small.jpg', { kind: 'corrupt' });
    w.graph.storage.fault('big.jpg', { kind: 'cut', after: Math.floor(PART_BYTES * 1.2) });
    const first = await run(w);
    expect(first.outcome).toBe('failed');
    expect(first.errors.map((e) => e.message).join('\n')).toMatch(/small\.jpg: the downloaded file does not match the SHA-1 the server states \(OneDrive sha1Hash\)/);
    expect(await w.db.photos.count()).toBe(0);
    expect((await w.db.accounts.get('personal'))?.photoCursor).toBeUndefined();
  });

  it('resumes the cut-off download with Range for the missing bytes only, and fetches the damaged one again', async () => {
    const held = (await w.db.photoParts.toArray()).reduce((sum, part) => sum + part.data.size, 0);
    expect(held).toBeGreaterThanOrEqual(PART_BYTES);
    expect(await run(w)).toMatchObject({ outcome: 'ok', added: 2 });
    expect(w.graph.storage.log.filter((r) => r.name === 'big.jpg').pop()).toMatchObject({ range: `bytes=${held}-`, status: 206 });
    const big = await stored(w, 'big.jpg');
    expect(byteSize(big.data)).toBe(BIG.byteLength);
    expect(big.sha256).toBe(big.photo.sha256);
    expect(await w.db.photoParts.count()).toBe(0);
    expect(w.graph.storage.log.some((r) => r.authorized)).toBe(false);
  });
});

describe('a work or school OneDrive', () => {
  let w: World;
  beforeAll(async () => (w = await world('business')));
  afterAll(() => w?.graph.stop());

  it('follows the drive root’s delta and keeps only the camera roll', async () => {
    expect(w.folder.drive).toBe('business');
    w.graph.storage.fault('small.jpg', { kind: 'corrupt' });
    const first = await run(w);
    expect(w.graph.log.some((l) => l.startsWith('200 /v1.0/me/drive/root/delta'))).toBe(true);
    expect(first.errors.map((e) => e.message)).toEqual([expect.stringMatching(/^small\.jpg: the downloaded file does not match the QuickXorHash the server states \(OneDrive quickXorHash\)/)]);
    expect((await w.db.photos.toArray()).map((p) => p.name)).toEqual(['big.jpg']);
  });

  it('fetches the damaged file again, whole, and stores it once its QuickXorHash matches', async () => {
    expect(await run(w)).toMatchObject({ outcome: 'ok', added: 1, errors: [] });
    const small = await stored(w, 'small.jpg');
    expect(small.sha256).toBe(small.photo.sha256);
    expect(w.graph.storage.log.filter((r) => r.name === 'small.jpg').map((r) => r.range)).toEqual([null, null]);
    expect(await w.db.photoParts.count()).toBe(0);
    expect(await run(w)).toMatchObject({ outcome: 'ok', added: 0, changed: 0 });
  });

  it('resumes a cut-off download with Range, though QuickXorHash is all it states, and checks the whole file', async () => {
    w.graph.putFile(`${ROLL}/long.jpg`, LONG);
    w.graph.storage.fault('long.jpg', { kind: 'cut', after: Math.floor(PART_BYTES * 1.2) });
    expect(await run(w)).toMatchObject({ outcome: 'failed' });
    const held = (await w.db.photoParts.toArray()).reduce((sum, part) => sum + part.data.size, 0);
    expect(held).toBeGreaterThanOrEqual(PART_BYTES);
    expect(await run(w)).toMatchObject({ outcome: 'ok', added: 1, errors: [] });
    expect(w.graph.storage.log.filter((r) => r.name === 'long.jpg').map((r) => [r.range, r.status])).toEqual([
      [null, 200],
      [`bytes=${held}-`, 206],
    ]);
    const long = await stored(w, 'long.jpg');
    expect(await sameBytes(long.data, LONG)).toBe(true);
    expect(long.sha256).toBe(long.photo.sha256);
    expect(await w.db.photoParts.count()).toBe(0);
  });

  it('drops the stored bytes when the resumed download does not hash to its QuickXorHash, and fetches it whole next run', async () => {
    const replaced = makeJpeg({ padding: Math.floor(PART_BYTES * 2.5), seed: 9 });
    w.graph.putFile(`${ROLL}/long.jpg`, replaced);
    w.graph.storage.fault('long.jpg', { kind: 'cut', after: Math.floor(PART_BYTES * 1.2) });
    expect(await run(w)).toMatchObject({ outcome: 'failed', changed: 0 });
    const held = (await w.db.photoParts.toArray()).reduce((sum, part) => sum + part.data.size, 0);
    expect(held).toBeGreaterThanOrEqual(PART_BYTES);
    // The resumed bytes arrive damaged: the whole file's QuickXorHash, stored part included, differs.
    w.graph.storage.fault('long.jpg', { kind: 'corrupt' });
    const damaged = await run(w);
    expect(damaged.errors.map((e) => e.message)).toEqual([expect.stringMatching(/^long\.jpg: the downloaded file does not match the QuickXorHash the server states/)]);
    expect(w.graph.storage.log.filter((r) => r.name === 'long.jpg').pop()).toMatchObject({ range: `bytes=${held}-`, status: 206 });
    expect(await w.db.photoParts.count()).toBe(0);
    expect(await run(w)).toMatchObject({ outcome: 'ok', changed: 1, errors: [] });
    expect(w.graph.storage.log.filter((r) => r.name === 'long.jpg').pop()).toMatchObject({ range: null, status: 200 });
    const long = await stored(w, 'long.jpg');
    expect(await sameBytes(long.data, replaced)).toBe(true);
    expect(long.sha256).toBe(long.photo.sha256);
  });
});
