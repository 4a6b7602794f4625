// Which album each photo is in, as the folder the photo engine keeps as its album. Albums are
// CPLAlbum records listed by CPLAlbumByPositionLive, the top level without a filter and a
// folder's albums with `parentId` (icloudpd photos.py `_fetch_folders`; icloud-photos-sync
// `buildAlbumRecordsRequest`); albumType 3 is a folder of albums, 0 an album (icloud-photos-sync
// album.ts `AlbumType`); deleted ones are skipped as icloudpd skips them. An album's photos are
// listed by CPLContainerRelationLiveByAssetDate with its record name as `parentId` (icloudpd
// `albums`): each page holds their CPLAsset records, whose names are read here (rather than the
// CPLContainerRelation records, whose field names nobody documents).
//
// The engine keeps one folder per file, so a photo in several albums is kept in the first one
// in the albums' order (folders first, by position); "Trips/Paris" for an album in a folder.
import { base64TextField, numberField, textField, type CkRecord } from './ck-record';
import type { CkCall } from './cloudkit-call';
import { queryRecords } from './record-query';

const FOLDER_TYPE = 3;
/** Folders inside folders deeper than this are a loop in bad data. */
const MAX_DEPTH = 16;
/** Pages of one album: 66 photos a page (three records each) make 660,000 photos. */
const MAX_ALBUM_PAGES = 10_000;
/** The root folders the Photos app keeps for itself (icloudpd skips `----Root-Folder----`). */
const ROOTS = /^----.*----$/;

interface AlbumEntry {
  recordName: string;
  path: string;
  folder: boolean;
}

async function albumsIn(call: CkCall, zone: string, parent: AlbumEntry | null): Promise<AlbumEntry[]> {
  const records: CkRecord[] = [];
  const filters = parent ? [{ fieldName: 'parentId', type: 'STRING' as const, value: parent.recordName }] : [];
  await queryRecords(call, { zone, recordType: 'CPLAlbumByPositionLive', filters, maxPages: 100 }, (page) => records.push(...page));
  return records
    .filter((r) => r.recordType === 'CPLAlbum' && !ROOTS.test(r.recordName) && numberField(r, 'isDeleted') !== 1)
    .filter((r) => (parent ? true : !textField(r, 'parentId')))
    .sort((a, b) => (numberField(a, 'position') ?? 0) - (numberField(b, 'position') ?? 0))
    .map((r) => {
      const name = (base64TextField(r, 'albumNameEnc') ?? r.recordName).replace(/\//g, '∕');
      return { recordName: r.recordName, path: parent ? `${parent.path}/${name}` : name, folder: numberField(r, 'albumType') === FOLDER_TYPE };
    });
}

/** Asset record name → the album folder it is kept in, for the albums of `zone`. */
export async function albumFolders(call: CkCall, zone: string): Promise<Map<string, string>> {
  const albums: AlbumEntry[] = [];
  const walk = async (parent: AlbumEntry | null, depth: number): Promise<void> => {
    if (depth > MAX_DEPTH) return;
    for (const entry of await albumsIn(call, zone, parent)) {
      if (entry.folder) await walk(entry, depth + 1);
      else albums.push(entry);
    }
  };
  await walk(null, 0);
  const folders = new Map<string, string>();
  for (const album of albums) {
    const filters = [
      { fieldName: 'parentId', type: 'STRING' as const, value: album.recordName },
      { fieldName: 'startRank', type: 'INT64' as const, value: 0 },
      { fieldName: 'direction', type: 'STRING' as const, value: 'ASCENDING' },
    ];
    await queryRecords(call, { zone, recordType: 'CPLContainerRelationLiveByAssetDate', filters, maxPages: MAX_ALBUM_PAGES }, (page) => {
      for (const record of page) if (record.recordType === 'CPLAsset' && !folders.has(record.recordName)) folders.set(record.recordName, album.path);
    });
  }
  return folders;
}
