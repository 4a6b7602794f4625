// A download is checked against the strongest digest the server states, every statement of it.
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { freshDb } from '../support/test-db';
import { checkDownload, DamagedDownloadError, digestsToCheck } from '../../src/sync/photos/verify-download';
import { hashBlob } from '../../src/photos/hash-blob';
import { QuickXorHash } from '../../src/photos/quick-xor-hash';
import type { RemotePhoto, ServerDigest } from '../../src/model/photo-source';

const BYTES = new TextEncoder().encode('a photo, byte for byte');
const hex = (algorithm: string, bytes: Uint8Array = BYTES) => createHash(algorithm).update(bytes).digest('hex');
const quickXorHex = (bytes: Uint8Array = BYTES) => Buffer.from(new QuickXorHash().update(bytes).digest()).toString('hex');
const PHOTO: RemotePhoto = { href: 'https://nas.example/a.jpg', name: 'a.jpg', etag: '"1"', size: BYTES.length, mime: 'image/jpeg', lastModified: null, folder: '', digests: [] };

describe('digestsToCheck', () => {
  it('keeps every statement of the strongest algorithm stated', () => {
    const stated: ServerDigest[] = [
      { algorithm: 'md5', hex: 'aa', origin: 'oc:checksums' },
      { algorithm: 'sha-1', hex: 'bb', origin: 'oc:checksums' },
      { algorithm: 'sha-1', hex: 'cc', origin: 'Repr-Digest' },
    ];
    expect(digestsToCheck(stated).map((d) => d.hex)).toEqual(['bb', 'cc']);
    expect(digestsToCheck([stated[0]!])).toEqual([stated[0]]);
    expect(digestsToCheck([])).toEqual([]);
  });

  it('checks a QuickXorHash only when nothing else is stated, as on OneDrive for Business', () => {
    const quickXor: ServerDigest = { algorithm: 'quickxor', hex: 'dd', origin: 'OneDrive quickXorHash' };
    const sha1: ServerDigest = { algorithm: 'sha-1', hex: 'bb', origin: 'OneDrive sha1Hash' };
    const md5: ServerDigest = { algorithm: 'md5', hex: 'aa', origin: 'oc:checksums' };
    expect(digestsToCheck([quickXor])).toEqual([quickXor]);
    expect(digestsToCheck([quickXor, sha1])).toEqual([sha1]);
    expect(digestsToCheck([quickXor, md5])).toEqual([md5]);
  });
});

describe('checkDownload', () => {
  it('passes a file whose SHA-1 matches, as Nextcloud states it beside MD5, and returns its SHA-256', async () => {
    const stated: ServerDigest[] = [
      { algorithm: 'sha-1', hex: hex('sha1'), origin: 'oc:checksums' },
      { algorithm: 'md5', hex: hex('md5'), origin: 'oc:checksums' },
    ];
    const digests = await hashBlob(BYTES, digestsToCheck(stated).map((d) => d.algorithm));
    expect(digests.md5).toBeUndefined();
    await expect(checkDownload({ db: freshDb(), id: 'p', photo: PHOTO, size: BYTES.length, digests, stated })).resolves.toBe(hex('sha256'));
  });

  it('refuses a file whose strongest stated digest differs, and one of the wrong size', async () => {
    const damaged = BYTES.map((b, i) => (i === 3 ? b ^ 1 : b));
    const stated: ServerDigest[] = [{ algorithm: 'sha-1', hex: hex('sha1'), origin: 'oc:checksums' }];
    const digests = await hashBlob(damaged, ['sha-1']);
    await expect(checkDownload({ db: freshDb(), id: 'p', photo: PHOTO, size: BYTES.length, digests, stated })).rejects.toThrow(DamagedDownloadError);
    await expect(checkDownload({ db: freshDb(), id: 'p', photo: PHOTO, size: BYTES.length - 1, digests: await hashBlob(BYTES), stated: [] })).rejects.toThrow(/size the server listed/);
  });

  it('checks a QuickXorHash and, when it differs, names it and drops the stored parts', async () => {
    const stated: ServerDigest[] = [{ algorithm: 'quickxor', hex: quickXorHex(), origin: 'OneDrive quickXorHash' }];
    await expect(checkDownload({ db: freshDb(), id: 'p', photo: PHOTO, size: BYTES.length, digests: await hashBlob(BYTES, ['quickxor']), stated })).resolves.toBe(hex('sha256'));
    const db = freshDb();
    await db.photoParts.put({ photoId: 'p', offset: 0, etag: '"1"', data: new Blob([BYTES.subarray(0, 8)]) });
    const damaged = BYTES.map((b, i) => (i === 12 ? b ^ 1 : b));
    const error = await checkDownload({ db, id: 'p', photo: PHOTO, size: BYTES.length, digests: await hashBlob(damaged, ['quickxor']), stated }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DamagedDownloadError);
    expect((error as DamagedDownloadError).code).toBe('damaged');
    expect((error as Error).message).toBe(
      'a.jpg: the downloaded file does not match the QuickXorHash the server states (OneDrive quickXorHash); it was not stored and will be fetched again',
    );
    expect(await db.photoParts.count()).toBe(0);
  });
});
