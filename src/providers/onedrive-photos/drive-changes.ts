// A OneDrive folder's photos through Graph delta
// (https://learn.microsoft.com/en-us/graph/api/driveitem-delta): without a cursor, a round that
// enumerates everything (a full listing); with one, a round from the saved @odata.deltaLink
// that brings each changed item's latest state, deleted ones with the `deleted` facet. Pages
// are linked by @odata.nextLink; an item seen twice counts by its last occurrence (Remarks).
// Two answers lead to a full listing instead, compared with the mirror, never copied as a wipe:
// 410 Gone (the service forgot the cursor: "resync"), and a folder deleted or moved in or out,
// because a delta may name the folder alone and not each file that went with it.
import type { HttpContext } from '../../http/http-context';
import type { PhotoChanges, RemotePhoto } from '../../model/photo-source';
import { DeltaExpiredError, graphPages } from '../microsoft/graph-request';
import { decodeCursor, encodeCursor } from './drive-cursor';
import { deltaPath, itemUrl } from './drive-folder';
import type { DriveFolder } from '../../model/drive-folder';
import { isFolder, type DriveItem } from './drive-item';
import { FolderTree } from './folder-tree';
import { photoOf } from './item-to-photo';

export interface ListedItem {
  photo: RemotePhoto;
  item: DriveItem;
}

interface Round {
  changed: ListedItem[];
  removed: string[];
  tree: FolderTree;
  deltaLink: string | null;
  /** The round cannot be trusted to name every file that came or went: a full listing must follow. */
  relist: boolean;
}

/**
 * Updates the tree with the round's folders and says whether files may have come or gone
 * unnamed: a folder under the mirrored one deleted or moved out (a delta may name the folder
 * alone), or one moved in with fewer of its children named than its childCount (a move, like a
 * rename, "doesn't result in any descendants of the folder being returned").
 */
function applyFolders(folder: DriveFolder, tree: FolderTree, items: DriveItem[], unknownInside: boolean): { relist: boolean; gone: string[] } {
  const folders = items.filter((item) => isFolder(item) || (item.deleted && tree.has(item.id)));
  const inside = (id: string) => tree.pathFrom(folder.id, id, unknownInside) !== null;
  const wasInside = new Map(folders.map((item) => [item.id, tree.has(item.id) && inside(item.id)]));
  const gone: string[] = [];
  let relist = false;
  for (const item of folders) {
    if (!item.deleted) tree.set(item.id, item.name ?? item.id, item.parentReference?.id ?? null);
    else {
      gone.push(item.id);
      // A folder's own delta names only what was under it.
      relist ||= wasInside.get(item.id)! || unknownInside;
    }
  }
  for (const item of folders.filter((f) => !f.deleted)) {
    const before = wasInside.get(item.id)!;
    const now = inside(item.id);
    const named = items.filter((child) => !child.deleted && child.parentReference?.id === item.id).length;
    relist ||= (before && !now) || (!before && now && named < (item.folder?.childCount ?? 0));
  }
  return { relist, gone };
}

async function round(ctx: HttpContext, folder: DriveFolder, url: string, tree: FolderTree): Promise<Round> {
  const { items, deltaLink } = await graphPages<DriveItem>(ctx, url);
  const latest = new Map<string, DriveItem>();
  for (const item of items) if (item && typeof item.id === 'string') latest.set(item.id, item);
  // A folder's own delta lists only what lies under it; the drive root's, everything.
  const unknownInside = folder.drive === 'personal';
  // Folders first: a page may list a file before the folder it lies in.
  const { relist, gone } = applyFolders(folder, tree, [...latest.values()], unknownInside);
  const changed: ListedItem[] = [];
  const removed: string[] = [];
  for (const item of latest.values()) {
    if (isFolder(item) || tree.has(item.id)) continue;
    const href = itemUrl(ctx.serverUrl, item.id);
    const album = item.deleted ? null : tree.pathFrom(folder.id, item.parentReference?.id, unknownInside);
    const photo = album === null ? null : photoOf(item, href, album);
    // Deleted, moved out of the folder, or no longer a photo: gone from this library.
    if (photo) changed.push({ photo, item });
    else removed.push(href);
  }
  for (const id of gone) tree.delete(id);
  return { changed, removed, tree, deltaLink, relist };
}

export async function listDriveChanges(ctx: HttpContext, folder: DriveFolder, cursorText: string | null): Promise<{ changes: PhotoChanges; items: ListedItem[] }> {
  const cursor = decodeCursor(cursorText);
  if (cursor) {
    try {
      const delta = await round(ctx, folder, cursor.deltaLink, new FolderTree(cursor.folders));
      if (!delta.relist) {
        const next = delta.deltaLink ? encodeCursor({ deltaLink: delta.deltaLink, folders: delta.tree.entries() }) : null;
        const changes: PhotoChanges = { mode: 'delta', changed: delta.changed.map((c) => c.photo), removed: delta.removed, cursor: next ?? cursorText };
        return { changes, items: delta.changed };
      }
    } catch (error) {
      if (!(error instanceof DeltaExpiredError)) throw error;
    }
  }
  const full = await round(ctx, folder, `${ctx.serverUrl}${deltaPath(folder)}`, new FolderTree());
  const next = full.deltaLink ? encodeCursor({ deltaLink: full.deltaLink, folders: full.tree.entries() }) : null;
  return { changes: { mode: 'full', photos: full.changed.map((c) => c.photo), cursor: next }, items: full.changed };
}
