// Which OneDrive folder an account mirrors, and where its changes are asked for. A person picks
// the camera roll, Pictures, or a folder by its path; the folder is remembered by its item id,
// which survives renames and moves (Graph: "when using delta you should always track items by
// id", https://learn.microsoft.com/en-us/graph/api/driveitem-delta#remarks).

import type { DriveFolder } from '../../model/drive-folder';

/**
 * The delta function to call, relative to the Graph root. OneDrive personal tracks any folder;
 * OneDrive for Business tracks only the root of a drive ("delta is only supported on the root
 * folder", https://learn.microsoft.com/en-us/onedrive/developer/rest-api/api/driveitem_delta),
 * so there the whole drive is followed and only files under the folder are kept.
 */
export function deltaPath(folder: DriveFolder): string {
  return folder.drive === 'business' ? 'me/drive/root/delta' : `me/drive/items/${encodeURIComponent(folder.id)}/delta`;
}

/** A file's address in the mirror: its item's Graph URL, by id, so a renamed file stays one photo. */
export function itemUrl(graphRoot: string, id: string): string {
  return `${graphRoot}me/drive/items/${encodeURIComponent(id)}`;
}
