// The parts of a Graph driveItem that the photo source reads
// (https://learn.microsoft.com/en-us/graph/api/resources/driveitem). A delta page holds them
// whole or, for a deleted item, with only some fields (the `deleted` facet, no size on OneDrive
// personal, no name on OneDrive for Business).

/** https://learn.microsoft.com/en-us/graph/api/resources/hashes: hex, except quickXorHash (base64). */
export interface DriveHashes {
  sha1Hash?: string;
  sha256Hash?: string;
  quickXorHash?: string;
  crc32Hash?: string;
}

export interface DriveItem {
  id: string;
  name?: string;
  eTag?: string;
  /** Changes with the content only, not with a rename (absent from OneDrive for Business deltas). */
  cTag?: string;
  size?: number;
  lastModifiedDateTime?: string;
  parentReference?: { id?: string; driveId?: string; driveType?: string };
  file?: { mimeType?: string; hashes?: DriveHashes };
  folder?: { childCount?: number };
  /** OneNote notebooks and the like: a file facet's sibling, never a photo. */
  package?: unknown;
  deleted?: { state?: string };
  /** A pre-authenticated address of the content, valid for a short time; needs no token. */
  '@microsoft.graph.downloadUrl'?: string;
}

export const isFolder = (item: DriveItem): boolean => item.folder !== undefined;
