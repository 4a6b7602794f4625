// Photo libraries next to the Source of contacts and calendars (source.ts). Their items are
// files of any size, not texts: a listing names them with their version (ETag) and whatever
// digest the server offers, and a download streams one file's bytes, from an offset when an
// earlier attempt stopped part way. Sources take an injected fetch, like the DAV source.

/**
 * A digest the server states for a file's content, to check a download against. `quickxor` is
 * OneDrive's QuickXorHash (photos/quick-xor-hash.ts), the only one OneDrive for Business states.
 */
export interface ServerDigest {
  algorithm: 'sha-256' | 'sha-1' | 'md5' | 'quickxor';
  /** Lower-case hex, whatever form the server wrote it in. */
  hex: string;
  /** Where it came from, for messages: "ETag", "oc:checksums", "Repr-Digest", "OneDrive quickXorHash". */
  origin: string;
}

/** One photo or video as the folder listing reports it. `href` is an absolute URL. */
export interface RemotePhoto {
  href: string;
  name: string;
  /** The ETag, or the last-modified date and size when the server sends no ETag. */
  etag: string;
  size: number | null;
  mime: string;
  lastModified: string | null;
  /** The folder it lies in, relative to the account's folder ('' at the top): kept as its album. */
  folder: string;
  digests: ServerDigest[];
}

/** The answer to a download: where its bytes start, and the body to read them from. */
export interface PhotoBody {
  /** The offset the body starts at: the one asked for (206), or 0 when the server sent the whole file (200). */
  start: number;
  body: ReadableStream<Uint8Array>;
  /** Digests sent with the answer (RFC 9530 Repr-Digest). */
  digests: ServerDigest[];
}

/**
 * What a source with a change feed (OneDrive's delta) reports: everything (the first run, or
 * after the service forgot the cursor), or only what changed since the cursor it handed out
 * last. `removed` holds hrefs; `cursor` is opaque to the engine and saved with the account.
 */
export type PhotoChanges =
  | { mode: 'full'; photos: RemotePhoto[]; cursor: string | null }
  | { mode: 'delta'; changed: RemotePhoto[]; removed: string[]; cursor: string | null };

/** One folder as a walk lists it: the photos directly in it, and its sub-folders' URLs. */
export interface FolderPhotos {
  /** The folder's absolute URL, ending in `/`. */
  url: string;
  photos: RemotePhoto[];
  folders: string[];
}

interface Downloads {
  /**
   * Downloads `photo` from byte `offset` and hands the body to `consume` while holding one of
   * the host's request slots, so a slow consumer never lets more downloads start at once.
   */
  download(photo: RemotePhoto, offset: number, consume: (answer: PhotoBody) => Promise<void>): Promise<void>;
}

/**
 * A folder tree (WebDAV): listed one folder at a time, top first, so that the engine can
 * mirror each folder as it comes and never hold the listing of the whole library.
 */
export interface FolderWalkSource extends Downloads {
  listFolders(): AsyncIterable<FolderPhotos>;
}

/** A service with a change feed (OneDrive's delta). */
export interface ChangeFeedSource extends Downloads {
  /**
   * What changed since `cursor` (null: list everything). Never throws for a cursor the
   * service no longer accepts: it lists everything instead.
   */
  listChanges(cursor: string | null): Promise<PhotoChanges>;
}

export type PhotoSource = FolderWalkSource | ChangeFeedSource;
