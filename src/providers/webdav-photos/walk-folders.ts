// The folders under the account's folder, one listing at a time, with one PROPFIND Depth 1 per
// folder. Listing runs ahead of the caller by FOLDERS_AHEAD folders (being listed, or listed
// and waiting), so a caller busy downloading one folder's files finds the next folder ready,
// while the host's request slots go mostly to downloads. The read-ahead is what a run holds
// of the listing beside the folder in hand, so it stays small: two folders. A folder seen
// twice (a server that lists a link back up) is walked once. A folder that cannot be listed
// ends the walk after the folders already listed.
import type { HttpContext } from '../../http/http-context';
import type { FolderPhotos } from '../../model/photo-source';
import { listFolder } from './list-folder';

/** Folders being listed or listed and not yet handed out. */
const FOLDERS_AHEAD = 2;

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

export async function* walkFolders(ctx: HttpContext, rootUrl: string): AsyncGenerator<FolderPhotos> {
  const seen = new Set<string>([rootUrl]);
  const waiting = [rootUrl];
  const ready: FolderPhotos[] = [];
  let listing = 0;
  // Set from a listing's callback: an object, so that the loop below reads it afresh.
  const failed: { error?: unknown } = {};
  let wake: (() => void) | null = null;

  const listMore = (): void => {
    while (!('error' in failed) && waiting.length > 0 && listing + ready.length < FOLDERS_AHEAD) {
      const url = waiting.shift()!;
      listing++;
      listFolder(ctx, url)
        .then(
          (listed) => {
            for (const sub of listed.folders) {
              if (seen.has(sub)) continue;
              seen.add(sub);
              waiting.push(sub);
            }
            const folder = relativeFolder(rootUrl, url);
            ready.push({ url, photos: listed.photos.map((photo) => ({ ...photo, folder })), folders: listed.folders });
          },
          (error: unknown) => {
            if (!('error' in failed)) failed.error = error;
          },
        )
        .finally(() => {
          listing--;
          wake?.();
        });
    }
  };

  for (;;) {
    listMore();
    const next = ready.shift();
    if (next) {
      yield next;
      continue;
    }
    if ('error' in failed) throw failed.error;
    if (listing === 0) return;
    await new Promise<void>((resolve) => (wake = resolve));
    wake = null;
  }
}
