// An account: a server, a feed, a sign-in or a photo library a person added, with its status
// and the progress of the run under way (the `accounts` table, db/schema.ts).
import type { Discovery } from './discovery';
import type { DriveFolder } from './drive-folder';
import type { CollectionKind } from './source';

/**
 * Every kind of account is a provider with its own folder, src/providers/<kind>/, whose
 * setup.ts says what it is (what it mirrors, what secret it needs…: model/provider-setup.ts).
 * `dav`: a CardDAV/CalDAV server with a password. `google`: signed in with Google, mirrored over
 * Google's CardDAV and CalDAV. `microsoft`: signed in with Microsoft, mirrored through Graph.
 * `ics-feed`: a calendar feed. `webdav-photos`, `onedrive-photos`: photo libraries
 * (docs/PHOTOS.md). `icloud-web`: contacts and calendars through the person's own icloud.com
 * sign-in in this browser; `icloud-photos`: iCloud Photos through that same sign-in.
 * `local`: items imported from files, never synced with a server.
 */
export type AccountKind = 'dav' | 'local' | 'webdav-photos' | 'ics-feed' | 'google' | 'microsoft' | 'onedrive-photos' | 'icloud-web' | 'icloud-photos';

/**
 * `needs-password`: the server refused the credentials; scheduled runs pause until they are fixed.
 * `needs-sign-in`: a signed-in account whose sign-in expired and could not be renewed silently,
 * or (a browser-session account) the browser is no longer signed in at the service's site.
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
  /** iCloud Photos: the edited version of each edited photo is kept beside its original. */
  editedVersions?: boolean;
  /**
   * A browser-session account (iCloud) waiting for the person to sign in at the service's site:
   * how many scheduled checks found it still signed out, and when the next one is due.
   */
  sessionCheck?: { misses: number; nextAt: number };
}
