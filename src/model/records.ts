// What the mirror stores. One record type per table; every table is declared in schema.ts.
import type { CollectionKind } from './source';
import type { Discovery } from './discovery';
import type { DriveFolder } from './drive-folder';

/**
 * `local`: items imported from files (a backup, a .vcf, an .ics, a Google Takeout): never synced
 * with a server. `webdav-photos`: a WebDAV folder of photos and videos (docs/PHOTOS.md).
 * `ics-feed`: a calendar feed (.ics or webcal:// address); `serverUrl` holds only its origin,
 * the full address is kept with the credentials.
 * `google`: signed in with Google (OAuth), mirrored over Google's CardDAV and CalDAV.
 * `microsoft`: signed in with Microsoft (OAuth), contacts and calendars mirrored through Microsoft Graph.
 * `onedrive-photos`: signed in with Microsoft for files only (Files.Read), one OneDrive folder's
 * photos and videos mirrored through Graph delta (docs/PHOTOS.md).
 */
export type AccountKind = 'dav' | 'local' | 'webdav-photos' | 'ics-feed' | 'google' | 'microsoft' | 'onedrive-photos';

/** Accounts that mirror a photo library rather than address books and calendars. */
export function mirrorsPhotos(kind: AccountKind): kind is 'webdav-photos' | 'onedrive-photos' {
  return kind === 'webdav-photos' || kind === 'onedrive-photos';
}
/**
 * `needs-password`: the server refused the credentials; scheduled runs pause until they are fixed.
 * `needs-sign-in`: a signed-in account whose sign-in expired and could not be renewed silently.
 */
export type AccountStatus = 'idle' | 'syncing' | 'error' | 'needs-password' | 'needs-sign-in';

/**
 * Items done of those to fetch so far. A run over address books and calendars also says which
 * phase it is in and how many collections it has listed, so a total that is still growing
 * never reads as "stuck".
 */
export interface RunProgress {
  done: number;
  total: number;
  /** The kind of collection being mirrored: address books first, then calendars. */
  phase?: CollectionKind;
  /** Collections listed so far, and how many the run will list. */
  collectionsListed?: number;
  collections?: number;
}

/** An account the user added. The password is NOT here: see shared/credentials.ts. */
export interface AccountRecord {
  id: string;
  kind: AccountKind;
  label: string;
  /** Where discovery starts (RFC 6764): for contacts, and for calendars unless calendarServerUrl is set. */
  serverUrl: string;
  /** Providers with a separate CalDAV host (iCloud, Fastmail, Yahoo…). */
  calendarServerUrl: string | null;
  /** Which kinds of collection this account mirrors (found at discovery). */
  services: CollectionKind[];
  username: string;
  createdAt: number;
  status: AccountStatus;
  /** Person-readable reason of the last failed run, cleared by the next good one. */
  lastError: string | null;
  /** When the last run that finished without an account-level error ended. */
  lastSuccessAt: number | null;
  /** Progress of the running sync, for the popup's progress bar. */
  progress: RunProgress | null;
  /** Removed by the person with "keep the data": no longer synced or listed, still exported. */
  detached: boolean;
  /**
   * Where the last run found the collections of each kind (home sets). Handing it to the next
   * run's source saves 2–4 discovery requests, so a run with nothing new costs one request
   * per home; the source discovers again by itself if a home has moved.
   */
  discovery: Partial<Record<CollectionKind, Discovery>>;
  /** OneDrive photos: the folder mirrored. */
  driveFolder?: DriveFolder;
  /**
   * A photo library's change cursor, opaque here (OneDrive: its delta link and the folders it
   * knows), saved after a run that stored every change; absent until then.
   */
  photoCursor?: string | null;
  /**
   * The person confirmed that the password may cross the network unencrypted: the server is
   * plain http on an address that is not loopback (model/plain-http.ts). Absent otherwise.
   */
  plainHttpConfirmed?: true;
}

export interface CollectionRecord {
  /** `${accountId}|${href}` */
  id: string;
  accountId: string;
  kind: CollectionKind;
  href: string;
  displayName: string;
  syncToken: string | null;
  ctag: string | null;
  lastSyncedAt: number | null;
  /** Set when the collection vanished upstream; the mirrored items stay. */
  goneUpstreamAt: number | null;
  /** Whether the user wants this collection mirrored (new collections: yes). */
  enabled: boolean;
  /** Items the last run could not fetch (a failed request, or listed but never sent): fetched again every run, and reported. */
  pendingHrefs: string[];
  /**
   * Items stored as served although the reader refused their text (ItemRecord.unreadable):
   * what the pages count and name without scanning the items. Absent: none.
   */
  unreadableHrefs?: string[];
  /**
   * Address books whose server lists vCard 4.0 in CARDDAV:supported-address-data (RFC 6352
   * §6.2.2): the items were asked for in 4.0, as the server holds them. Refreshed every run.
   */
  vcardVersion?: '4.0';
}

/** What an item is: a vCard, or the main component of a calendar object (RFC 4791 §4.1). */
export type ItemKind = 'contact' | 'event' | 'task' | 'journal';

/** One mirrored item, kept exactly as served, plus fields derived from it for display. */
export interface ItemRecord {
  /** `${collectionId}|${href}` */
  id: string;
  accountId: string;
  collectionId: string;
  kind: ItemKind;
  href: string;
  etag: string;
  /** The original text as the server served it: exports are built from this. */
  raw: string;
  uid: string | null;
  title: string;
  emails: string[];
  phones: string[];
  /** Calendar items: ISO 8601 start and end (no offset when floating or all-day). */
  start: string | null;
  end: string | null;
  allDay: boolean;
  recurring: boolean;
  firstSeenAt: number;
  updatedAt: number;
  /** When the item disappeared upstream. It stays in the mirror, marked. */
  deletedUpstreamAt: number | null;
  /** 1 while live, 0 once deleted upstream: an indexable flag for counts. */
  live: 0 | 1;
  /** Derived on every write (db/search-words.ts): what a search finds the item by. */
  searchWords?: string[];
  /** When the person restored an earlier text into the mirror; cleared when the server's text comes in again. */
  restoredAt?: number | null;
  /**
   * Why the reader refused the text, when it did: the item is still stored exactly as served,
   * with display fields read leniently (sync/readers/unreadable-fields.ts). Absent: read.
   */
  unreadable?: string;
}

/** An earlier text of an item, kept when the server changed it (or brought it back after deleting it). */
export interface VersionRecord {
  id?: number;
  itemId: string;
  etag: string;
  raw: string;
  /** When this text became the current one. */
  validFrom: number;
  /** When this text stopped being the current one. */
  replacedAt: number;
  /** When the item had vanished upstream while it held this text, if it had. */
  deletedAt: number | null;
}

export interface RunError {
  href: string | null;
  message: string;
}

/** An item the mirror holds as served although its text could not be read, named in the run log. */
export interface UnreadableItemRef {
  collectionId: string;
  collectionName: string;
  href: string;
  title: string;
  reason: string;
}

/** One sync run of one account, for the run log. */
export interface RunRecord {
  id?: number;
  accountId: string;
  startedAt: number;
  finishedAt: number | null;
  /** `interrupted`: the worker stopped mid-run; the next run resumed it. */
  outcome: 'running' | 'ok' | 'partial' | 'failed' | 'interrupted';
  added: number;
  changed: number;
  deletedUpstream: number;
  unchanged: number;
  errors: RunError[];
  /** Items held as served but unreadable after this run, in the collections it synced. */
  unreadable?: UnreadableItemRef[];
}

/** `slow-decline`: many small runs took a collection far below its 30-day high (model/wipe-window.ts). */
export type WipeKind = 'mass-change' | 'emptied' | 'collection-gone' | 'slow-decline';

/** A run that would have removed or rewritten much of a collection: shown until acknowledged. */
export interface AlarmRecord {
  id?: number;
  accountId: string;
  collectionId: string;
  collectionName: string;
  kind: WipeKind;
  raisedAt: number;
  /** A moment before the run changed anything: export "as of" it for the state before. */
  before: number;
  /** Live items before the run, and how many the run marked deleted or changed. */
  liveBefore: number;
  deleted: number;
  changed: number;
  /** 1 until the person acknowledges it (an indexable flag: IndexedDB does not index null). */
  open: 0 | 1;
}

export interface Settings {
  syncIntervalMinutes: number;
  /** Versions are kept this many days, and at least the last `keepMinVersions` of every item. */
  keepVersionsDays: number;
  keepMinVersions: number;
  /** A run that marks more than this share (and at least `wipeMinItems`) deleted or changed raises an alarm. */
  wipeShare: number;
  wipeMinItems: number;
  /** A backup archive is written into Downloads this often; 0 turns snapshots off. */
  snapshotEveryDays: number;
  /** Snapshots kept on disk; older ones are removed. */
  snapshotsKept: number;
}

/** One snapshot archive written into the Downloads subfolder. */
export interface SnapshotRecord {
  id?: number;
  createdAt: number;
  fileName: string;
  /** The browser's download id: what lets Lifeboat remove the file when it is no longer kept. */
  downloadId: number | null;
  bytes: number;
  items: number;
  outcome: 'saved' | 'failed';
  error: string | null;
  /** When the file was removed from disk as one beyond the number kept. */
  removedAt: number | null;
}

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
