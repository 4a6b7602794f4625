// Photos in the backup archive: each file once, exactly as stored, under
// `photos/<year>/<month>/<name>` (by when it was taken, or first seen), those deleted upstream
// under `deleted-upstream/photos/…`. Albums are lists, `photos/albums/<album>.txt`, one archive
// path per line, rather than second copies of the bytes: a photo in three albums would
// otherwise take four times its space. Records are read a page at a time by key, and each
// file's bytes only when it is written, so memory does not grow with the library.
import type { LifeboatDb } from '../db/schema';
import type { PhotoRecord } from '../model/photo';
import { photoPage, type PhotoCursor } from '../db/photos/photo-pages';
import { emptyCounts, type ArchiveFileState } from './archive-manifest';
import { safeName } from './archive-paths';
import type { ArchiveFile } from './write-archive';

const PAGE = 200;

function stateAt(photo: PhotoRecord, asOf: number | undefined): ArchiveFileState | null {
  if (asOf === undefined) return photo.live ? 'live' : 'deleted-upstream';
  const existed = photo.firstSeenAt <= asOf && (photo.deletedUpstreamAt === null || photo.deletedUpstreamAt > asOf);
  return existed ? 'live' : null;
}

/** `photos/2023/07/IMG_1.jpg`, made unique the way file systems that ignore case need. */
function photoPath(photo: PhotoRecord, state: ArchiveFileState, taken: Set<string>): string {
  const when = new Date(photo.sortAt);
  const folder = `${state === 'deleted-upstream' ? 'deleted-upstream/' : ''}photos/${when.getUTCFullYear()}/${String(when.getUTCMonth() + 1).padStart(2, '0')}`;
  const name = safeName(photo.name);
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  let path = `${folder}/${name}`;
  for (let n = 2; taken.has(path.toLowerCase()); n++) path = `${folder}/${stem} (${n})${ext}`;
  taken.add(path.toLowerCase());
  return path;
}

export async function* archivePhotos(db: LifeboatDb, accounts: Map<string, string>, asOf?: number): AsyncGenerator<ArchiveFile> {
  const taken = new Set<string>();
  const albums = new Map<string, string[]>();
  let cursor: PhotoCursor = null;
  for (;;) {
    const page = await photoPage(db, cursor, PAGE);
    if (page.length === 0) break;
    const last = page[page.length - 1]!;
    cursor = [last.sortAt, last.id];
    for (const photo of page) {
      const state = stateAt(photo, asOf);
      const stored = state ? await db.photoBlobs.get(photo.id) : undefined;
      if (!state || !stored) continue;
      const path = photoPath(photo, state, taken);
      for (const album of photo.albums) albums.set(album, [...(albums.get(album) ?? []), path]);
      const account = accounts.get(photo.accountId) ?? '';
      yield { entry: { path, kind: 'photo', state, account, collection: photo.albums[0] ?? '', counts: { ...emptyCounts(), photos: 1 } }, data: stored.data, compress: false };
    }
  }
  const encoder = new TextEncoder();
  for (const [album, paths] of [...albums].sort(([a], [b]) => a.localeCompare(b))) {
    const path = `photos/albums/${safeName(album.replace(/\//g, ' - '))}.txt`;
    yield { entry: { path, kind: 'photo', state: 'live', account: '', collection: album, counts: emptyCounts() }, data: encoder.encode(`${paths.join('\r\n')}\r\n`), compress: true };
  }
}
