// Imports Google Takeout zips into the mirror, in the options page that holds the Files. Each
// media file streams out of its zip into stored parts (one file in memory at a time, never a
// whole video), is hashed, and stored once: a file already held (the same SHA-256, from an
// earlier or overlapping Takeout) only gains the albums it is in. Facts come from the sidecar,
// EXIF filling what it lacks. Google's Library API no longer lists a person's own photos
// (since March 2025 it returns only app-created items), which is why Takeout is the route.
import type { LifeboatDb } from '../../db/schema';
import { insertAccount } from '../../db/accounts';
import { localSetup } from '../../providers/local/setup';
import { clearParts } from '../../db/photos/photo-parts';
import { storePhoto } from '../../db/photos/photo-writes';
import { BlobReader, ZipReader, type FileEntry } from '../../archive/zip';
import { readBudget, readEntryText } from '../../archive/entry-caps';
import { photoMediaType } from '../../providers/webdav-photos/media-types';
import { FileReceiver } from '../file-receiver';
import { byteSize } from '../../db/photos/stored-bytes';
import { readExif } from '../read-exif';
import { photoRecord } from '../photo-record';
import { matchSidecars } from './match-sidecars';
import { readSidecar } from './read-sidecar';
import { folderAlbum, folderOf } from './takeout-albums';

export const TAKEOUT_ACCOUNT = 'google-takeout';

export interface TakeoutReport {
  added: number;
  /** Files already in the mirror (repeated or overlapping Takeouts). */
  duplicates: number;
  /** Media files without a sidecar: imported, dated by EXIF. */
  withoutSidecar: number;
}

async function ensureAccount(db: LifeboatDb, now: number): Promise<void> {
  if (await db.accounts.get(TAKEOUT_ACCOUNT)) return;
  await insertAccount(db, { id: TAKEOUT_ACCOUNT, kind: localSetup.kind, label: 'Google Photos (Takeout)', serverUrl: '', calendarServerUrl: null, services: [], username: '' }, now);
}

// A sidecar is a few kB of JSON: read with the import's caps, so a bomb named .json is refused (read as no sidecar).
const text = async (entry: FileEntry | undefined): Promise<string | null> => {
  const read = entry ? await readEntryText(entry, readBudget()) : null;
  return typeof read === 'string' ? read : null;
};

export async function importTakeout(db: LifeboatDb, zips: Blob[], now: number, onProgress?: (done: number, total: number) => void): Promise<TakeoutReport> {
  await ensureAccount(db, now);
  const readers = zips.map((zip) => new ZipReader(new BlobReader(zip)));
  try {
    const entries = new Map<string, FileEntry>();
    for (const reader of readers) for (const entry of await reader.getEntries()) if (!entry.directory) entries.set(entry.filename, entry);
    const { media, albumFiles } = matchSidecars(entries.keys());
    const report: TakeoutReport = { added: 0, duplicates: 0, withoutSidecar: 0 };
    const albums = new Map<string, string | null>();
    let done = 0;
    for (const [path, sidecarPath] of media) {
      const folder = folderOf(path);
      if (!albums.has(folder)) albums.set(folder, folderAlbum(folder, await text(entries.get(albumFiles.get(folder) ?? ''))));
      const album = albums.get(folder);
      const sidecar = await text(sidecarPath ? entries.get(sidecarPath) : undefined);
      if (sidecar === null) report.withoutSidecar++;
      const outcome = await importOne(db, entries.get(path)!, path, album ? [album] : [], sidecar, now);
      report[outcome]++;
      onProgress?.(++done, media.size);
    }
    return report;
  } finally {
    await Promise.all(readers.map((reader) => reader.close()));
  }
}

async function importOne(db: LifeboatDb, entry: FileEntry, path: string, albums: string[], sidecar: string | null, now: number): Promise<'added' | 'duplicates'> {
  const id = `${TAKEOUT_ACCOUNT}|${path}`;
  const name = path.slice(path.lastIndexOf('/') + 1);
  const mime = photoMediaType(name) ?? 'application/octet-stream';
  await clearParts(db, id);
  const receiver = await FileReceiver.open(db, id, '', []);
  await entry.getData(receiver.sink);
  const { data, digests } = await receiver.finish(mime);
  const sha256 = digests['sha-256'];
  const known = await db.photos.where('sha256').equals(sha256).first();
  if (known) {
    await clearParts(db, id);
    const merged = [...new Set([...known.albums, ...albums])];
    if (merged.length !== known.albums.length) await db.photos.update(known.id, { albums: merged, updatedAt: now });
    return 'duplicates';
  }
  const exif = await readExif(data);
  const facts = sidecar ? readSidecar(sidecar) : null;
  const origin = { accountId: TAKEOUT_ACCOUNT, path, name, etag: '', mime, albums, description: facts?.description ?? null };
  const merged = { ...exif, takenAt: facts?.takenAt ?? exif.takenAt, geo: facts?.geo ?? exif.geo };
  await storePhoto(db, photoRecord(origin, { size: byteSize(data), sha256 }, merged, now), data, now);
  return 'added';
}
