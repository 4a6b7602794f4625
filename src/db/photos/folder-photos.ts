// What the mirror holds of one folder of a walked library, read without touching the rest of
// the library: photo ids are `${accountId}|${url}`, so a folder's files and those of its
// sub-folders lie in one key range. The ranges of the sub-folders the listing names are left
// out (each is read when its own listing comes), and what remains is the folder's own files,
// plus the files of sub-folders that are no longer there.
import type { LifeboatDb } from '../schema';
import type { MirroredRef } from '../../model/mirrored-ref';

export interface FolderMirror {
  /** The folder's own files, by URL. */
  files: Map<string, MirroredRef>;
  /** Live files in sub-folders the listing no longer names: deleted upstream with their folder. */
  inVanishedFolders: string[];
}

const END = '\uffff';

/** A folder's last path segment, decoded: servers differ in how they escape the same name. */
function segmentName(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export async function folderMirror(db: LifeboatDb, accountId: string, folderUrl: string, subfolders: readonly string[]): Promise<FolderMirror> {
  const prefix = `${accountId}|${folderUrl}`;
  const inside = subfolders.filter((url) => url.startsWith(folderUrl)).map((url) => url.slice(folderUrl.length)).sort();
  const listedNames = new Set(subfolders.map((url) => segmentName(url.slice(0, -1).split('/').pop() ?? '')));
  // The key ranges between the listed sub-folders' ranges.
  const gaps: Array<[string, string]> = [];
  let from = prefix;
  for (const sub of inside) {
    gaps.push([from, prefix + sub]);
    from = prefix + sub + END;
  }
  gaps.push([from, prefix + END]);
  const ids = (await Promise.all(gaps.map(([lower, upper]) => db.photos.where('id').between(lower, upper, true, false).primaryKeys()))).flat();

  const own: string[] = [];
  const deeper: string[] = [];
  for (const id of ids) {
    const rest = id.slice(prefix.length);
    const slash = rest.indexOf('/');
    if (slash < 0) own.push(id);
    // A sub-folder listed under another spelling of its name is still there.
    else if (!listedNames.has(segmentName(rest.slice(0, slash)))) deeper.push(id);
  }
  const [ownRecords, deeperRecords] = await Promise.all([db.photos.bulkGet(own), db.photos.bulkGet(deeper)]);
  const files = new Map<string, MirroredRef>();
  for (const record of ownRecords) if (record) files.set(record.path, { etag: record.etag, live: record.live === 1 });
  const inVanishedFolders = deeperRecords.filter((record) => record?.live === 1).map((record) => record!.id);
  return { files, inVanishedFolders };
}
