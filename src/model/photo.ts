// A mirrored photo or video and what is kept of it: its bytes, thumbnail, parts of a download
// under way, earlier versions (the `photos`, `photoBlobs`, `photoThumbs`, `photoParts` and
// `photoVersions` tables).

/**
 * One photo or video, kept byte for byte as downloaded (its bytes live in `photoBlobs`, so a
 * page of metadata never loads them). Deleted upstream: kept and marked, like items.
 */
export interface PhotoRecord {
  /** `${accountId}|${path}` */
  id: string;
  accountId: string;
  /** WebDAV: the file's absolute URL. Takeout: its path inside the archive. */
  path: string;
  name: string;
  /** The server's ETag (or, without one, its last-modified date); '' for imported files. */
  etag: string;
  size: number;
  mime: string;
  /** SHA-256 of the stored bytes, hex: checked after download and by the periodic re-check. */
  sha256: string;
  /** When it was taken (EXIF DateTimeOriginal, or the Takeout sidecar), ms since the epoch. */
  takenAt: number | null;
  /** takenAt, or else when first seen: the order of the grid and of the archive's folders. */
  sortAt: number;
  width: number | null;
  height: number | null;
  albums: string[];
  description: string | null;
  geo: { latitude: number; longitude: number } | null;
  firstSeenAt: number;
  updatedAt: number;
  deletedUpstreamAt: number | null;
  live: 0 | 1;
  /** 1: a thumbnail exists; 0: not made yet; -1: this browser cannot decode it (HEIC, RAW, video). */
  thumb: 0 | 1 | -1;
  /** When the stored bytes were last hashed and found intact. */
  checkedAt: number;
  /** When the re-check found the stored bytes no longer match their SHA-256. */
  corruptAt: number | null;
}

/**
 * A photo's bytes as stored: a file that fitted in memory is stored as its bytes (writing a
 * buffer costs Chromium's IndexedDB far less than making and writing a Blob), a bigger one as a
 * Blob made of its downloaded parts. Read them through db/photos/stored-bytes.ts.
 */
export type PhotoBytes = Blob | Uint8Array;

/** The bytes of a photo, exactly as downloaded. */
export interface PhotoBlobRecord {
  id: string;
  data: PhotoBytes;
}

/** A small JPEG or WebP for the grid, made in the options page. */
export interface PhotoThumbRecord {
  id: string;
  data: Blob;
}

/** Bytes of a download in progress, stored as they arrive so a stopped worker resumes with Range. */
export interface PhotoPartRecord {
  photoId: string;
  offset: number;
  /** The ETag the bytes belong to: a resume with another one starts over. */
  etag: string;
  data: Blob;
}

/** An earlier file of a photo the server replaced: kept, like an item's earlier text. */
export interface PhotoVersionRecord {
  id?: number;
  photoId: string;
  etag: string;
  sha256: string;
  size: number;
  replacedAt: number;
  data: PhotoBytes;
}
