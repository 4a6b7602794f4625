// Graph driveItems as photos: which items count, their version and digests, albums from the
// folder tree (with the loops and gaps bad data can have), the saved cursor read back or
// refused, and a delta page of odd entries that changes nothing it should not.
import { describe, expect, it } from 'vitest';
import { contentVersion, digestsOf, photoOf, quickXorHex } from '../../src/providers/onedrive-photos/item-to-photo';
import { FolderTree } from '../../src/providers/onedrive-photos/folder-tree';
import { decodeCursor, encodeCursor } from '../../src/providers/onedrive-photos/drive-cursor';
import { listDriveChanges } from '../../src/providers/onedrive-photos/drive-changes';
import { createAccountContext } from '../../src/http/http-context';
import type { DriveItem } from '../../src/providers/onedrive-photos/drive-item';
import { fakeFetch } from '../harness/fake-fetch';

const HREF = 'https://graph.microsoft.com/v1.0/me/drive/items/A1';
const file = (extra: Partial<DriveItem> = {}): DriveItem => ({ id: 'A1', name: 'IMG_1.HEIC', size: 10, cTag: 'c1', eTag: 'e1', file: { mimeType: 'application/octet-stream' }, ...extra });

describe('a driveItem as a photo', () => {
  it('takes photos and videos by name first, then by media type, and nothing else', () => {
    expect(photoOf(file(), HREF, '2024')).toMatchObject({ href: HREF, name: 'IMG_1.HEIC', mime: 'image/heic', etag: 'c1', size: 10, folder: '2024' });
    expect(photoOf(file({ name: 'scan', file: { mimeType: 'image/png' } }), HREF, '')?.mime).toBe('image/png');
    expect(photoOf(file({ name: 'notes.txt', file: { mimeType: 'text/plain' } }), HREF, '')).toBeNull();
    expect(photoOf(file({ name: '._IMG_1.jpg' }), HREF, '')).toBeNull();
    expect(photoOf(file({ deleted: {} }), HREF, '')).toBeNull();
    expect(photoOf({ id: 'F', name: 'Camera Roll', folder: { childCount: 3 } }, HREF, '')).toBeNull();
    expect(photoOf(file({ name: undefined }), HREF, '')).toBeNull();
    expect(photoOf(file({ size: -1 }), HREF, '')?.size).toBeNull();
  });

  it('states sha1Hash, sha256Hash and quickXorHash as digests, in lower-case hex, and ignores what is not a hash', () => {
    expect(digestsOf({ sha1Hash: 'A9993E364706816ABA3E25717850C26C9CD0D89D', quickXorHash: 'aCgDG9jwBhDc4Q1yawMZAAAAAAA=' })).toEqual([
      { algorithm: 'sha-1', hex: 'a9993e364706816aba3e25717850c26c9cd0d89d', origin: 'OneDrive sha1Hash' },
      { algorithm: 'quickxor', hex: '6828031bd8f00610dce10d726b03190000000000', origin: 'OneDrive quickXorHash' },
    ]);
    expect(digestsOf({ sha1Hash: 'not a hash', sha256Hash: '12', quickXorHash: 'qx' })).toEqual([]);
    expect(digestsOf(undefined)).toEqual([]);
  });

  it('reads quickXorHash from base64, its URL-safe form, or either without padding, and nothing else', () => {
    // 20 bytes whose base64 holds '+' and '/', so the URL-safe form differs.
    const bytes = Uint8Array.from({ length: 20 }, (_, i) => 0xfb + i * 0x41);
    const hex = Buffer.from(bytes).toString('hex');
    const standard = Buffer.from(bytes).toString('base64');
    const urlSafe = Buffer.from(bytes).toString('base64url');
    expect(standard).toMatch(/[+/]/);
    expect(urlSafe).toMatch(/[-_]/);
    for (const form of [standard, standard.slice(0, -1), urlSafe, `${urlSafe}=`, ` ${standard}\n`]) expect(quickXorHex(form)).toBe(hex);
    // Another length, a character outside base64, or nothing at all.
    for (const bad of [undefined, '', 'aCgDG9jwBhDc4Q1yawMZAAAA', `${standard}AAAA`, standard.replace(/^./, '*'), `${standard}=`]) expect(quickXorHex(bad)).toBeNull();
  });

  it('versions by cTag, else by the content hash, else by eTag', () => {
    expect(contentVersion(file())).toBe('c1');
    expect(contentVersion(file({ cTag: undefined, file: { hashes: { quickXorHash: 'qx' } } }))).toBe('qx');
    expect(contentVersion(file({ cTag: undefined }))).toBe('e1');
    expect(contentVersion({ id: 'x', size: 3, lastModifiedDateTime: '2025-01-01T00:00:00Z' })).toBe('modified 2025-01-01T00:00:00Z size 3');
  });
});

describe('the folder tree', () => {
  const tree = new FolderTree({ R: ['Camera Roll', 'P'], Y: ['2024', 'R'], H: ['Holidays', 'Y'], O: ['Other', 'P'], L1: ['a', 'L2'], L2: ['b', 'L1'] });

  it('gives the path below the mirrored folder, and null outside it', () => {
    expect(tree.pathFrom('R', 'R', false)).toBe('');
    expect(tree.pathFrom('R', 'H', false)).toBe('2024/Holidays');
    expect(tree.pathFrom('R', 'O', false)).toBeNull();
    expect(tree.within('R', 'Y')).toBe(true);
  });

  it('treats a folder never seen as inside only when the delta was asked of the folder itself', () => {
    expect(tree.pathFrom('R', 'unknown', true)).toBe('');
    expect(tree.pathFrom('R', 'unknown', false)).toBeNull();
    expect(tree.pathFrom('R', undefined, false)).toBeNull();
  });

  it('ends a loop instead of walking it forever', () => {
    expect(tree.pathFrom('R', 'L1', false)).toBeNull();
  });
});

describe('the saved cursor', () => {
  it('reads back what it wrote, and takes anything else as no cursor', () => {
    const cursor = { deltaLink: 'https://graph.microsoft.com/v1.0/me/drive/root/delta?token=1', folders: { R: ['Camera Roll', null] as [string, null] } };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    for (const bad of [null, '', '{', '{"v":2}', '{"v":1,"deltaLink":"javascript:x","folders":{}}', '{"v":1,"deltaLink":"https://x/","folders":{"a":[1,2]}}']) {
      expect(decodeCursor(bad)).toBeNull();
    }
  });
});

describe('a delta page with odd entries', () => {
  it('skips entries without an id, keeps the last of an item seen twice, and marks what left the folder', async () => {
    const page = {
      value: [
        null,
        { name: 'no id' },
        { id: 'R', name: 'Camera Roll', folder: {}, parentReference: { id: 'P' } },
        { id: 'A1', name: 'IMG_1.jpg', cTag: 'old', size: 3, file: {}, parentReference: { id: 'R' } },
        { id: 'A1', name: 'IMG_1.jpg', cTag: 'new', size: 3, file: {}, parentReference: { id: 'R' } },
        { id: 'A2', name: 'IMG_2.jpg', size: 3, file: {}, parentReference: { id: 'Elsewhere' } },
        { id: 'A3', deleted: {}, file: {}, parentReference: { id: 'R' } },
      ],
      '@odata.deltaLink': 'https://graph.test/v1.0/me/drive/root/delta?token=2',
    };
    const fake = fakeFetch(() => ({ status: 200, body: JSON.stringify(page), contentType: 'application/json' }));
    const ctx = createAccountContext({ serverUrl: 'https://graph.test/v1.0/', username: '', password: '', bearer: { accessToken: 't', renew: () => Promise.resolve('t') }, fetch: fake.fetch });
    const cursor = encodeCursor({ deltaLink: 'https://graph.test/v1.0/me/drive/root/delta?token=1', folders: {} });
    const { changes } = await listDriveChanges(ctx, { id: 'R', name: 'Camera Roll', drive: 'business' }, cursor);
    expect(changes).toMatchObject({
      mode: 'delta',
      changed: [{ href: 'https://graph.test/v1.0/me/drive/items/A1', etag: 'new' }],
      removed: ['https://graph.test/v1.0/me/drive/items/A2', 'https://graph.test/v1.0/me/drive/items/A3'],
    });
    expect(decodeCursor(changes.cursor)?.deltaLink).toBe('https://graph.test/v1.0/me/drive/root/delta?token=2');
  });

  it('lists everything again when a folder moved in without its files named', async () => {
    const pages: Record<string, unknown> = {
      'token=1': { value: [{ id: 'M', name: 'Moved', folder: { childCount: 2 }, parentReference: { id: 'R' } }], '@odata.deltaLink': 'https://graph.test/v1.0/d?token=2' },
      full: {
        value: [
          { id: 'R', name: 'Camera Roll', folder: { childCount: 1 } },
          { id: 'M', name: 'Moved', folder: { childCount: 2 }, parentReference: { id: 'R' } },
          { id: 'B1', name: 'a.jpg', size: 1, file: {}, parentReference: { id: 'M' } },
          { id: 'B2', name: 'b.jpg', size: 1, file: {}, parentReference: { id: 'M' } },
        ],
        '@odata.deltaLink': 'https://graph.test/v1.0/d?token=3',
      },
    };
    const fake = fakeFetch((call) => ({ status: 200, body: JSON.stringify(call.url.includes('token=1') ? pages['token=1'] : pages.full), contentType: 'application/json' }));
    const ctx = createAccountContext({ serverUrl: 'https://graph.test/v1.0/', username: '', password: '', bearer: { accessToken: 't', renew: () => Promise.resolve('t') }, fetch: fake.fetch });
    const cursor = encodeCursor({ deltaLink: 'https://graph.test/v1.0/d?token=1', folders: { R: ['Camera Roll', null] } });
    const { changes } = await listDriveChanges(ctx, { id: 'R', name: 'Camera Roll', drive: 'personal' }, cursor);
    expect(fake.calls.map((c) => c.url)).toEqual(['https://graph.test/v1.0/d?token=1', 'https://graph.test/v1.0/me/drive/items/R/delta']);
    expect(changes.mode).toBe('full');
    expect(changes.mode === 'full' && changes.photos.map((p) => [p.name, p.folder])).toEqual([
      ['a.jpg', 'Moved'],
      ['b.jpg', 'Moved'],
    ]);
  });
});
