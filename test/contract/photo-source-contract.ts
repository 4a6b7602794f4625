// The photo source contract: the behaviours every photo source (src/model/photo-source.ts)
// shows, run against a real WebDAV folder and the OneDrive test server. Files are written and
// deleted upstream; the listing must name them with a version, the download must hand over the
// exact bytes that every digest the server stated matches, from an offset too; a deleted file
// must leave the listing and fail to download; a cursor the service forgot lists everything;
// the failures are in photo-error-contract.ts.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RemotePhoto, ServerDigest } from '../../src/model/photo-source';
import { QuickXorHash } from '../../src/photos/quick-xor-hash';
import { makeJpeg } from '../harness/sample-photos';
import { itWhen } from './contract-helpers';
import type { PhotoFixture, PhotoTarget } from './photo-contract-target';
import { describePhotoSourceErrors } from './photo-error-contract';
import { downloadBytes, listEverything, names } from './photo-listing';

const FILES: Record<string, Uint8Array> = {
  'a.jpg': makeJpeg({ seed: 1 }),
  'sub/b.jpg': makeJpeg({ seed: 2, padding: 20_000 }),
  'c.jpg': makeJpeg({ seed: 3 }),
};
const ADDED = makeJpeg({ seed: 4 });

/** The digest of `bytes` in the form the server stated it (lower-case hex). */
function digestOf(algorithm: ServerDigest['algorithm'], bytes: Uint8Array): string {
  if (algorithm === 'quickxor') return Buffer.from(new QuickXorHash().update(bytes).digest()).toString('hex');
  return createHash(algorithm.replace('-', '')).update(bytes).digest('hex');
}



export function describePhotoSourceContract(name: string, target: PhotoTarget): void {
  describe(`the photo source contract: ${name}`, () => {
    let fixture: PhotoFixture;
    let listed: RemotePhoto[] = [];
    let cursor: string | null = null;
    const photo = (named: string) => listed.find((p) => p.name === named)!;

    beforeAll(async () => {
      fixture = await target.start();
      for (const [path, bytes] of Object.entries(FILES)) await fixture.put(path, bytes);
    });
    afterAll(async () => {
      await fixture?.stop();
    });

    it('lists every file with its version, size, type and folder', async () => {
      ({ photos: listed, cursor } = await listEverything(fixture.source));
      expect(names(listed)).toEqual(['a.jpg', 'b.jpg', 'c.jpg']);
      for (const p of listed) {
        expect(p.etag).toMatch(/\S/);
        expect(p.mime).toBe('image/jpeg');
        expect(() => new URL(p.href)).not.toThrow();
      }
      expect(photo('b.jpg')).toMatchObject({ folder: 'sub', size: FILES['sub/b.jpg']!.length });
      expect(photo('a.jpg')).toMatchObject({ folder: '', size: FILES['a.jpg']!.length });
    });

    it('downloads the exact bytes', async () => {
      for (const [path, bytes] of Object.entries(FILES)) {
        const got = await downloadBytes(fixture.source, photo(path.split('/').pop()!));
        expect(got.start).toBe(0);
        expect(Buffer.from(got.bytes).equals(Buffer.from(bytes))).toBe(true);
      }
    });

    const statedFor = async (path: string) => {
      const p = photo(path.split('/').pop()!);
      return [...p.digests, ...(await downloadBytes(fixture.source, p)).answer.digests];
    };
    itWhen(target.capabilities.digests, 'states a digest of every file, which its bytes match', async () => {
      for (const [path, bytes] of Object.entries(FILES)) {
        const stated = await statedFor(path);
        expect(stated.length).toBeGreaterThan(0);
        for (const digest of stated) expect(`${digest.origin} ${digest.hex}`).toBe(`${digest.origin} ${digestOf(digest.algorithm, bytes)}`);
      }
    }, async () => {
      // No digest to check: the engine checks the size the listing states.
      for (const [path, bytes] of Object.entries(FILES)) {
        expect(await statedFor(path)).toEqual([]);
        expect(photo(path.split('/').pop()!).size).toBe(bytes.length);
      }
    });

    it('resumes a download from an offset, or says it starts again from 0', async () => {
      const bytes = FILES['sub/b.jpg']!;
      const got = await downloadBytes(fixture.source, photo('b.jpg'), 5000);
      expect([0, 5000]).toContain(got.start);
      expect(Buffer.from(got.bytes).equals(Buffer.from(bytes.subarray(got.start)))).toBe(true);
    });

    it('shows an upstream add and delete in the next listing, and nothing else', async () => {
      await fixture.put('d.jpg', ADDED);
      await fixture.remove('c.jpg');
      const gone = photo('c.jpg').href;
      if (target.capabilities.changeFeed === true && !('listFolders' in fixture.source)) {
        const changes = await fixture.source.listChanges(cursor);
        if (changes.mode !== 'delta') throw new Error(`Expected changes since the cursor, got ${changes.mode}`);
        expect([names(changes.changed), changes.removed]).toEqual([['d.jpg'], [gone]]);
        cursor = changes.cursor;
      } else {
        const now = (await listEverything(fixture.source)).photos;
        expect(names(now)).toEqual(['a.jpg', 'b.jpg', 'd.jpg']);
        for (const kept of ['a.jpg', 'b.jpg']) expect(now.find((p) => p.name === kept)?.etag).toBe(photo(kept).etag);
      }
    });

    it('fails to download a deleted file, never handing over bytes', async () => {
      await expect(downloadBytes(fixture.source, photo('c.jpg'))).rejects.toBeInstanceOf(Error);
    });

    it('fails a download cut off mid-body, never ending it as a whole file', async () => {
      const source = await fixture.cutNextDownload('b.jpg');
      const { photos } = await listEverything(source);
      const cut = photos.find((p) => p.name === 'b.jpg')!;
      await expect(downloadBytes(source, cut)).rejects.toBeInstanceOf(Error);
    });

    itWhen(target.capabilities.changeFeed, 'lists everything for a cursor the service no longer accepts', async () => {
      if ('listFolders' in fixture.source) return;
      const changes = await fixture.source.listChanges(await fixture.invalidate(cursor));
      if (changes.mode !== 'full') throw new Error(`Expected a full listing, got ${changes.mode}`);
      expect(names(changes.photos)).toEqual(['a.jpg', 'b.jpg', 'd.jpg']);
    }, () => {
      // No change feed: the source lists folder by folder, each run walking the tree.
      expect('listFolders' in fixture.source).toBe(true);
    });

    describePhotoSourceErrors(() => fixture);
  });
}
