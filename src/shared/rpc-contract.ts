// The typed contract between the pages (popup, options) and the background worker. Pages
// send commands; results and progress otherwise flow through the database, because a
// closed popup cannot receive a message.
import type { AccountKind } from '../model/account';
import type { Settings } from '../model/settings';
import type { ArchiveResult, ExportParams, ExportResult } from '../model/export';
import type { PushParams, PushReport } from '../model/push';
import type { DriveFolder, DriveFolderChoice } from '../model/drive-folder';

export interface NewDavAccount {
  label: string;
  /** Where discovery starts: the CardDAV server, and the CalDAV one unless calendarServerUrl is set. */
  serverUrl: string;
  calendarServerUrl?: string;
  username: string;
  password: string;
  /** Ticked by the person when an address is plain http to anything but loopback (model/plain-http.ts). */
  plainHttpConfirmed?: boolean;
}

/** A calendar feed: an .ics or webcal:// address. */
export interface NewFeed {
  url: string;
  label: string;
}

export interface FoundCollection {
  name: string;
  kind: 'addressbook' | 'calendar';
}

export interface RestoreParams extends PushParams {
  targetAccountId: string;
}

export interface Commands {
  /** Checks the server and the password, finds address books and calendars; saves nothing. */
  testConnection: { params: NewDavAccount; result: { collections: FoundCollection[] } };
  /** Checks, saves, and starts the first mirror in the background. */
  addAccount: { params: NewDavAccount; result: { accountId: string; collections: FoundCollection[] } };
  /** Downloads a calendar feed once to check it, saves it and starts its first mirror. */
  addFeed: { params: NewFeed; result: { accountId: string; events: number } };
  /** Signs in with Google or Microsoft (the browser's sign-in window), finds the account's collections, saves, starts the first mirror. */
  signIn: { params: { provider: AccountKind }; result: { accountId: string; collections: FoundCollection[] } };
  /** Signs a signed-in account in again after its sign-in expired; syncing resumes. */
  signInAgain: { params: { accountId: string }; result: { ok: true } };
  /**
   * Checks a new password, saves it and resumes the account's schedule. `plainHttpConfirmed`:
   * the person ticked the plain-http warning under the new password (required as when adding).
   */
  updatePassword: { params: { accountId: string; password: string; plainHttpConfirmed?: boolean }; result: { ok: true } };
  /** Removes an account; its mirrored data stays unless keepData is false. */
  removeAccount: { params: { accountId: string; keepData: boolean }; result: { ok: true } };
  /** Gives an account the name a person wants to see. */
  renameAccount: { params: { accountId: string; label: string }; result: { ok: true } };
  setCollectionEnabled: { params: { collectionId: string; enabled: boolean }; result: { ok: true } };
  /** Mirrors one account now, or every account. Resolves when the run has finished. */
  syncNow: { params: { accountId?: string }; result: { runs: number } };
  acknowledgeAlarm: { params: { alarmId: number }; result: { ok: true } };
  updateSettings: { params: Partial<Settings>; result: Settings };
  /** Builds one .vcf of the mirrored contacts and saves it to Downloads. */
  exportContacts: { params: ExportParams; result: ExportResult };
  /** Builds one .ics of the mirrored calendars (events, tasks, journals) and saves it to Downloads. */
  exportCalendars: { params: ExportParams; result: ExportResult };
  /** Builds the full backup archive (.zip) of the mirror and saves it to Downloads. */
  exportArchive: { params: { asOf?: number; encrypt?: boolean }; result: ArchiveResult };
  /**
   * Copies a mirrored collection (or its state at a past moment) into a collection of an
   * account's server; a dry run only says what it would create. Never overwrites.
   */
  restoreToCollection: { params: RestoreParams; result: PushReport };
  /** Writes a snapshot archive into the Downloads subfolder now, and drops the oldest beyond the number kept. */
  snapshotNow: { params: Record<string, never>; result: ArchiveResult };
  /** Makes a kept earlier text an item's current text in the local mirror; the replaced text becomes a version. */
  restoreVersion: { params: { versionId: number }; result: { itemId: string } };
}

export type CommandName = keyof AllCommands;

/**
 * Commands that may take longer than Firefox lets an idle event page live
 * (`extensions.background.idle.timeout`, 30 s by default, and a slow server makes seconds into
 * minutes): they contact a server, wait on a person's sign-in, or write many records. Pages send
 * them through the database (ui/call-through-db.ts, shared/command-message.ts); `call` refuses
 * them at compile time.
 */
export type LongCommandName =
  | 'testConnection'
  | 'addAccount'
  | 'addFeed'
  | 'signIn'
  | 'signInAgain'
  | 'updatePassword'
  | 'removeAccount'
  | 'syncNow'
  | 'exportContacts'
  | 'exportCalendars'
  | 'exportArchive'
  | 'restoreToCollection'
  | 'snapshotNow'
  | 'addPhotoFolder'
  | 'addOneDrivePhotos'
  | 'recheckPhotos'
  | 'addIcloudSession';

/** Commands answered in the reply: the worker's own records and settings, nothing that waits on a server. */
export type ShortCommandName = Exclude<CommandName, LongCommandName>;
export type Params<K extends CommandName> = AllCommands[K]['params'];
export type Result<K extends CommandName> = AllCommands[K]['result'];

/** What travels over runtime messaging. */
export interface RpcRequest<K extends CommandName = CommandName> {
  rpc: K;
  params: Params<K>;
}

export type RpcResponse<K extends CommandName = CommandName> =
  | { ok: true; result: Result<K> }
  | { ok: false; error: string };

export function isRpcRequest(message: unknown): message is RpcRequest {
  return typeof message === 'object' && message !== null && typeof (message as { rpc?: unknown }).rpc === 'string';
}

/** A WebDAV folder of photos: its address is the folder itself (docs/PHOTOS.md). */
export interface NewPhotoFolder {
  label: string;
  folderUrl: string;
  username: string;
  password: string;
  /** Ticked by the person when the folder is plain http to anything but loopback (model/plain-http.ts). */
  plainHttpConfirmed?: boolean;
}

/** A OneDrive folder of photos (docs/PHOTOS.md): the kind of drive decides the download hosts allowed. */
export interface NewOneDrivePhotos {
  label: string;
  folder: DriveFolderChoice;
  drive: DriveFolder['drive'];
}

export interface PhotoCommands {
  /** Checks the folder and the password, saves the account, and starts its first mirror. */
  addPhotoFolder: { params: NewPhotoFolder; result: { accountId: string; photos: number; folders: number } };
  /** Signs in with Microsoft to read files, finds the folder, saves the account, and starts its first mirror. */
  addOneDrivePhotos: { params: NewOneDrivePhotos; result: { accountId: string; folder: string } };
  /** Re-hashes the stored photos checked longest ago; reports any that no longer match. */
  recheckPhotos: { params: Record<string, never>; result: { checked: number; corrupt: number } };
}

/** iCloud through the browser's own icloud.com sign-in: which setup address, and whether photos come too. */
export interface NewIcloudSession {
  region: 'world' | 'china';
  /** Add the iCloud Photos account beside the contacts and calendars one. */
  photos: boolean;
  /** Keep each edited photo's edited version beside its original. */
  editedVersions: boolean;
}

export interface IcloudCommands {
  /**
   * Validates the browser's icloud.com session; signed in, adds the contacts-and-calendars
   * account (and the photos one if asked) and starts the first mirror; signed out, saves nothing.
   */
  addIcloudSession: { params: NewIcloudSession; result: { signedIn: false } | { signedIn: true; label: string; accountIds: string[] } };
  /** Saves the last unexpected iCloud answer of an account (path, status, shape; no personal values) as a JSON file. */
  saveIcloudDiagnostic: { params: { accountId: string }; result: { filename: string } };
}

/** The passphrase lock (docs/SECURITY.md): secrets sealed at rest, the key only in storage.session. */
export interface LockCommands {
  lockStatus: { params: Record<string, never>; result: { status: 'off' | 'locked' | 'unlocked' } };
  /** Seals every stored secret with a key from the passphrase; backups are encrypted with it. */
  enableLock: { params: { passphrase: string }; result: { ok: true } };
  /** Opens the lock for this browser session, then mirrors every account. */
  unlockSecrets: { params: { passphrase: string }; result: { ok: true } };
  lockSecrets: { params: Record<string, never>; result: { ok: true } };
  /** Asks for the passphrase, then stores every secret as it was before the lock. */
  disableLock: { params: { passphrase: string }; result: { ok: true } };
  changePassphrase: { params: { current: string; next: string }; result: { ok: true } };
}

/** Every command the worker answers. */
export type AllCommands = Commands & PhotoCommands & LockCommands & IcloudCommands;
