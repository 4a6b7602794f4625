// The folders under the account's folder, one listing at a time: breadth first, one PROPFIND
// Depth 1 per folder, a few folders listed at once (the host limiter caps the requests) and
// handed out in order. A folder seen twice (a server that lists a link back up) is walked once.
// Only the folders still to list are held, never the photos of folders already handed out.
import type { DavContext } from '../dav/dav-connection';
import type { FolderPhotos } from '../photo-source';
import { listFolder } from './list-folder';

const FOLDERS_AT_ONCE = 4;

function relativeFolder(root: string, folderUrl: string): string {
  const rootPath = new URL(root).pathname;
  const path = new URL(folderUrl).pathname;
  const inner = path.startsWith(rootPath) ? path.slice(rootPath.length) : path;
  return inner
    .split('/')
    .filter(Boolean)
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .join('/');
}

export async function* walkFolders(ctx: DavContext, rootUrl: string): AsyncGenerator<FolderPhotos> {
  const seen = new Set<string>([rootUrl]);
  const waiting = [rootUrl];
  while (waiting.length > 0) {
    const batch = waiting.splice(0, FOLDERS_AT_ONCE);
    const listings = await Promise.all(batch.map((url) => listFolder(ctx, url)));
    for (const [index, listing] of listings.entries()) {
      const url = batch[index]!;
      const folder = relativeFolder(rootUrl, url);
      for (const sub of listing.folders) {
        if (seen.has(sub)) continue;
        seen.add(sub);
        waiting.push(sub);
      }
      yield { url, photos: listing.photos.map((photo) => ({ ...photo, folder })), folders: listing.folders };
    }
  }
}
