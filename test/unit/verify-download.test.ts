// A download is checked against the strongest digest the server states, every statement of it.
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { freshDb } from '../support/test-db';
import { checkDownload, DamagedDownloadError, digestsToCheck } from '../../src/sync/photos/verify-download';
import { hashBlob } from '../../src/photos/hash-blob';
import type { RemotePhoto, ServerDigest } from '../../src/sources/photo-source';

const BYTES = new TextEncoder().encode('a photo, byte for byte');
const hex = (algorithm: string, bytes: Uint8Array = BYTES) => createHash(algorithm).update(bytes).digest('hex');
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
});

describe('checkDownload', () => {
  it('passes a file whose SHA-1 matches, as Nextcloud states it beside MD5, and returns its SHA-256', async () => {
    const stated: ServerDigest[] = [
      { algorithm: 'sha-1', hex: hex('sha1'), origin: 'oc:checksums' },
      { algorithm: 'md5', hex: hex('md5'), origin: 'oc:checksums' },
    ];
    const digests = await hashBlob(BYTES, digestsToCheck(stated).map((d) => d.algorithm));
    expect(digests.md5).toBeUndefined();
    await expect(checkDownload(freshDb(), 'p', PHOTO, BYTES.length, digests, stated)).resolves.toBe(hex('sha256'));
  });

  it('refuses a file whose strongest stated digest differs, and one of the wrong size', async () => {
    const damaged = BYTES.map((b, i) => (i === 3 ? b ^ 1 : b));
    const stated: ServerDigest[] = [{ algorithm: 'sha-1', hex: hex('sha1'), origin: 'oc:checksums' }];
    const digests = await hashBlob(damaged, ['sha-1']);
    await expect(checkDownload(freshDb(), 'p', PHOTO, BYTES.length, digests, stated)).rejects.toThrow(DamagedDownloadError);
    await expect(checkDownload(freshDb(), 'p', PHOTO, BYTES.length - 1, await hashBlob(BYTES), [])).rejects.toThrow(/size the server listed/);
  });
});
