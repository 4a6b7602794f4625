// Every photo under a folder: breadth first, one PROPFIND Depth 1 per folder, a few folders at
// once (the host limiter caps the requests). A folder seen twice (a server that lists a
// link back up) is walked once.
import type { DavContext } from '../dav/dav-connection';
import type { RemotePhoto } from '../photo-source';
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

export async function walkFolders(ctx: DavContext, rootUrl: string): Promise<RemotePhoto[]> {
  const photos: RemotePhoto[] = [];
  const seen = new Set<string>([rootUrl]);
  let level = [rootUrl];
  while (level.length > 0) {
    const next: string[] = [];
    for (let i = 0; i < level.length; i += FOLDERS_AT_ONCE) {
      const batch = level.slice(i, i + FOLDERS_AT_ONCE);
      const listings = await Promise.all(batch.map((url) => listFolder(ctx, url)));
      listings.forEach((listing, index) => {
        const folder = relativeFolder(rootUrl, batch[index]!);
        for (const photo of listing.photos) photos.push({ ...photo, folder });
        for (const url of listing.folders) {
          if (seen.has(url)) continue;
          seen.add(url);
          next.push(url);
        }
      });
    }
    level = next;
  }
  return photos;
}
