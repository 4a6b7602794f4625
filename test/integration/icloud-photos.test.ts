// iCloud Photos through the real photo engine and the CloudKit source, against the reproduction
// of icloud.com's web services (test/harness/icloud/): a library of 1,000 photos with Live
// Photos, edits, videos, an album in a folder, a hidden photo and a Shared Library zone,
// mirrored byte for byte with the browser's session (cookies to the web services, none to the
// download host); then a run with no change, deletions kept, expired download addresses, 503
// from the web services and the download host waited out, a refused sync token turned into a
// full compare, and a session that ends mid-run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAccount } from '../../src/db/accounts';
import { asBlob } from '../../src/db/photos/stored-bytes';
import type { LifeboatDb } from '../../src/db/schema';
import { DEFAULT_SETTINGS } from '../../src/db/settings';
import { createHttpContext } from '../../src/http/http-context';
import { retryPolicy } from '../../src/http/retry-policy';
import type { AccountRecord } from '../../src/model/account';
import type { PhotoRecord } from '../../src/model/photo';
import { sessionOnce } from '../../src/providers/icloud-web/session-once';
import { createIcloudPhotoSource } from '../../src/providers/icloud-photos/cloudkit-photo-source';
import { resourceHref, type ResourcePart } from '../../src/providers/icloud-photos/resource-href';
import { syncPhotoFolder } from '../../src/sync/photos/sync-photo-folder';
import { photoId } from '../../src/photos/photo-record';
import { seedSampleAccount } from '../harness/icloud/sample-account';
import { startIcloudWebServer, type IcloudWebServer } from '../harness/icloud/icloud-web-server';
import type { LibraryPhoto } from '../harness/icloud/photo-library';
import { makeJpeg, makeMp4 } from '../harness/sample-photos';
import { icloudBrowserFetch, type IcloudBrowserFetch } from '../support/icloud-browser-fetch';
import { freshDb } from '../support/test-db';

let icloud: IcloudWebServer;
let browser: IcloudBrowserFetch;
let db: LifeboatDb;
let account: AccountRecord;
let seeded: LibraryPhoto[];
const sleeps: number[] = [];
const sleep = (ms: number) => Promise.resolve(void sleeps.push(ms));

function source(fetch: typeof globalThis.fetch = browser.fetch) {
  const ctx = createHttpContext({ serverUrl: icloud.setupUrl, authorization: '', credentials: 'browser-session', fetch, options: { retry: { sleep } } });
  return createIcloudPhotoSource({ ctx, session: sessionOnce(ctx, icloud.setupUrl), editedVersions: true });
}
const run = (settings = DEFAULT_SETTINGS, fetch?: typeof globalThis.fetch) =>
  syncPhotoFolder({ db, source: source(fetch), settings, now: Date.now, retry: retryPolicy({ sleep }), credentialsRejected: 'needs-sign-in', account });

const href = (photo: LibraryPhoto, part: ResourcePart) => resourceHref({ zone: photo.zone, asset: photo.assetName, part });
const stored = (path: string): Promise<PhotoRecord | undefined> => db.photos.get(photoId(account.id, path));
async function storedBytes(path: string): Promise<Buffer> {
  const record = await stored(path);
  const blob = (await db.photoBlobs.get(record!.id))!.data;
  return Buffer.from(await asBlob(blob).arrayBuffer());
}
const urlOf = (input: RequestInfo | URL) => (input instanceof Request ? input.url : input.toString());
const sinceNow = (log: string[]) => {
  const from = log.length;
  return () => log.slice(from);
};

beforeAll(async () => {
  icloud = await startIcloudWebServer();
  browser = icloudBrowserFetch(icloud);
  icloud.signIn();
  seeded = seedSampleAccount(icloud, { contacts: 0, events: 0, photos: 1000 });
  db = freshDb();
  // The account kind of iCloud Photos is the account part's; the engine does not read it.
  account = await insertAccount(db, { id: 'icp', kind: 'icloud-photos', label: 'iCloud Photos', serverUrl: icloud.setupUrl, calendarServerUrl: null, services: [], username: '' }, 1);
});

afterAll(async () => {
  await icloud?.stop();
});

describe('iCloud Photos through the photo engine', () => {
  it('mirrors a library of 1,000 photos byte for byte: originals, Live Photo videos, edits, an album, hidden, the Shared Library', async () => {
    const trips = icloud.photos.putAlbum('Trips', { folder: true });
    const paris = icloud.photos.putAlbum('Paris', { parentId: trips.recordName });
    const beach = icloud.photos.putAlbum('Beach');
    icloud.photos.addToAlbum(paris.recordName, seeded[0]!.assetName);
    icloud.photos.addToAlbum(beach.recordName, seeded[0]!.assetName);
    icloud.photos.addToAlbum(beach.recordName, seeded[1]!.assetName);
    const hidden = icloud.photos.put({ filename: 'SECRET.HEIC', bytes: makeJpeg({ seed: 77 }), fileType: 'public.heic', takenAt: Date.UTC(2022, 4, 1), hidden: true });
    const sharedZone = icloud.photos.addSharedLibrary();
    const shared = icloud.photos.put({ filename: 'FAMILY.JPG', bytes: makeJpeg({ seed: 78 }), takenAt: Date.UTC(2022, 5, 1) }, sharedZone);
    const library = [...seeded, hidden, shared];
    const files = library.length + library.filter((p) => p.liveVideo).length + library.filter((p) => p.edited).length;

    const summary = await run();
    expect(summary).toMatchObject({ outcome: 'ok', added: files, errors: [], alarms: [] });
    expect(await db.photos.count()).toBe(files);
    for (const photo of library) {
      expect((await storedBytes(href(photo, 'original'))).equals(Buffer.from(photo.bytes))).toBe(true);
      if (photo.liveVideo) expect((await storedBytes(href(photo, 'live'))).equals(Buffer.from(photo.liveVideo))).toBe(true);
      if (photo.edited) expect((await storedBytes(href(photo, 'edited'))).equals(Buffer.from(photo.edited))).toBe(true);
    }
    const live = seeded.find((p) => p.liveVideo)!;
    expect(await stored(href(live, 'original'))).toMatchObject({ name: live.filename, mime: 'image/jpeg' });
    expect(await stored(href(live, 'live'))).toMatchObject({ name: live.filename.replace('.JPG', '.MOV'), mime: 'video/quicktime' });
    const edited = seeded.find((p) => p.edited)!;
    expect(await stored(href(edited, 'edited'))).toMatchObject({ name: edited.filename.replace('.JPG', '-edited.JPG'), mime: 'image/jpeg' });
    expect((await stored(href(seeded.find((p) => p.filename.endsWith('.MOV'))!, 'original')))?.mime).toBe('video/quicktime');
    // Albums: the first in the albums' order, inside its folder; hidden photos in Hidden.
    expect((await stored(href(seeded[0]!, 'original')))?.albums).toEqual(['Trips/Paris']);
    expect((await stored(href(seeded[1]!, 'original')))?.albums).toEqual(['Beach']);
    expect((await stored(href(seeded[2]!, 'original')))?.albums).toEqual([]);
    expect(await stored(href(hidden, 'original'))).toMatchObject({ albums: ['Hidden'], mime: 'image/heic' });
    expect(await stored(href(shared, 'original'))).toMatchObject({ name: 'FAMILY.JPG' });
    // The session's cookies went to the web services only, never to the download host.
    const [toContent, toServices] = [browser.sent.filter((s) => s.url.startsWith(icloud.content.origin)), browser.sent.filter((s) => !s.url.startsWith(icloud.content.origin))];
    expect(toContent).toHaveLength(files);
    expect(toContent.some((s) => s.withCookies)).toBe(false);
    expect(toServices.every((s) => s.withCookies)).toBe(true);
    const cursor = JSON.parse((await db.accounts.get('icp'))!.photoCursor!) as { zones: Record<string, string> };
    expect(Object.keys(cursor.zones).sort()).toEqual(['PrimarySync', sharedZone]);
  });

  it('asks only for the zones and their changes when nothing changed', async () => {
    const answered = sinceNow(icloud.log);
    expect(await run()).toMatchObject({ outcome: 'ok', added: 0, changed: 0, deletedUpstream: 0 });
    const paths = answered().map((l) => l.replace(/^200 \w+ /, '').replace(/^.*\/private\//, ''));
    expect(paths.sort()).toEqual(['/setup/ws/1/validate', 'changes/zone', 'changes/zone', 'records/query', 'records/query', 'zones/list']);
  });

  it('keeps the files of photos deleted upstream (Recently Deleted and expunged), marked', async () => {
    const [trashed, expunged] = [seeded[10]!, seeded[8]!];
    icloud.photos.delete(trashed.assetName);
    icloud.photos.expunge(expunged.assetName);
    const summary = await run();
    const files = (p: LibraryPhoto) => 1 + (p.liveVideo ? 1 : 0) + (p.edited ? 1 : 0);
    expect(summary).toMatchObject({ outcome: 'ok', added: 0, deletedUpstream: files(trashed) + files(expunged), alarms: [] });
    for (const photo of [trashed, expunged]) {
      expect(await stored(href(photo, 'original'))).toMatchObject({ live: 0 });
      expect((await storedBytes(href(photo, 'original'))).equals(Buffer.from(photo.bytes))).toBe(true);
    }
  });

  it('brings a new edit and new photos through the sync token, fetching fresh addresses when the listed ones expired', async () => {
    const plain = seeded.find((p) => !p.edited && !p.liveVideo && p.filename.endsWith('.JPG'))!;
    const edit = makeJpeg({ seed: 4242, padding: 900 });
    icloud.photos.update(plain.assetName, { edited: edit });
    const added = icloud.photos.put({ filename: 'NEW_0001.JPG', bytes: makeJpeg({ seed: 501 }), takenAt: Date.UTC(2024, 1, 2) });
    let expired = false;
    const expiring: typeof fetch = (input, init) => {
      if (!expired && urlOf(input).startsWith(icloud.content.origin)) {
        expired = true;
        icloud.content.expireAddresses();
      }
      return browser.fetch(input, init);
    };
    const answered = sinceNow(icloud.log);
    const content = sinceNow(icloud.content.log);
    expect(await run(DEFAULT_SETTINGS, expiring)).toMatchObject({ outcome: 'ok', added: 2, errors: [] });
    expect((await storedBytes(href(plain, 'edited'))).equals(Buffer.from(edit))).toBe(true);
    expect((await storedBytes(href(added, 'original'))).equals(Buffer.from(added.bytes))).toBe(true);
    expect(content().filter((l) => l.startsWith('403'))).toHaveLength(2);
    expect(answered().filter((l) => l.endsWith('/records/lookup')).length).toBeGreaterThanOrEqual(2);
  });

  it('waits out 503 from the web services and the download host as Retry-After says', async () => {
    const added = icloud.photos.put({ filename: 'NEW_0002.JPG', bytes: makeJpeg({ seed: 502 }), takenAt: Date.UTC(2024, 1, 3) });
    icloud.failNext(503, 1, 2);
    icloud.content.throttle(2);
    sleeps.length = 0;
    expect(await run()).toMatchObject({ outcome: 'ok', added: 1, errors: [] });
    expect(sleeps.filter((ms) => ms === 2000)).toHaveLength(1);
    expect(sleeps.filter((ms) => ms === 1000)).toHaveLength(2);
    expect((await storedBytes(href(added, 'original'))).equals(Buffer.from(added.bytes))).toBe(true);
  });

  it('compares everything when the service refuses the sync token, and loses nothing', async () => {
    const cursor = JSON.parse((await db.accounts.get('icp'))!.photoCursor!) as { v: number; zones: Record<string, string> };
    cursor.zones.PrimarySync = Buffer.from('PrimarySync\n999999999').toString('base64');
    await db.accounts.update('icp', { photoCursor: JSON.stringify(cursor) });
    const added = icloud.photos.put({ filename: 'NEW_0003.JPG', bytes: makeJpeg({ seed: 503 }), takenAt: Date.UTC(2024, 1, 4) });
    const live = await db.photos.filter((p) => p.live === 1).count();
    const answered = sinceNow(icloud.log);
    expect(await run()).toMatchObject({ outcome: 'ok', added: 1, deletedUpstream: 0, alarms: [] });
    expect(answered().filter((l) => l.startsWith('400'))).toHaveLength(1);
    expect(await db.photos.filter((p) => p.live === 1).count()).toBe(live + 1);
    expect(await stored(href(added, 'original'))).toMatchObject({ live: 1 });
  });

  it('stops when the session ends mid-run, touching nothing, and the next run completes', async () => {
    const more = Array.from({ length: 150 }, (_, i) => icloud.photos.put({ filename: `LATE_${i}.JPG`, bytes: makeJpeg({ seed: 600 + i }), takenAt: Date.UTC(2024, 2, 1) + i }));
    const before = await db.photos.toArray();
    const cursor = (await db.accounts.get('icp'))!.photoCursor;
    // validate, zones/list, two indexing checks, the first page of changes: then 421.
    icloud.expireSessionAfter(5);
    expect(await run()).toMatchObject({ outcome: 'failed' });
    expect((await db.accounts.get('icp'))).toMatchObject({ status: 'needs-sign-in', photoCursor: cursor });
    expect(await db.photos.toArray()).toEqual(before);
    icloud.signIn();
    expect(await run()).toMatchObject({ outcome: 'ok', added: more.length, deletedUpstream: 0, errors: [] });
    for (const photo of more) expect((await storedBytes(href(photo, 'original'))).equals(Buffer.from(photo.bytes))).toBe(true);
  });

  it('stops when the session ends during downloads whose addresses expired, and the next run completes', async () => {
    const more = Array.from({ length: 6 }, (_, i) => icloud.photos.put({ filename: `LAST_${i}.MOV`, bytes: makeMp4(3000, i), fileType: 'com.apple.quicktime-movie', takenAt: Date.UTC(2024, 3, 1) + i }));
    let ended = false;
    const ending: typeof fetch = (input, init) => {
      if (!ended && urlOf(input).startsWith(icloud.content.origin)) {
        ended = true;
        icloud.content.expireAddresses();
        icloud.expireSessionAfter(0);
      }
      return browser.fetch(input, init);
    };
    expect(await run(DEFAULT_SETTINGS, ending)).toMatchObject({ outcome: 'failed' });
    expect((await db.accounts.get('icp'))?.status).toBe('needs-sign-in');
    icloud.signIn();
    expect(await run()).toMatchObject({ outcome: 'ok', errors: [] });
    for (const photo of more) expect((await storedBytes(href(photo, 'original'))).equals(Buffer.from(photo.bytes))).toBe(true);
  });
});
