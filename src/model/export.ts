// What an export or a backup is asked for and what it reports: the shapes the pages send through
// the RPC contract, the worker hands to the offscreen document, and the exporters and the archive
// writer take, none of which may depend on the others.

/** Which file an export builds: one .vcf of contacts or one .ics of calendars. */
export type ExportKind = 'contacts' | 'calendars';

/**
 * Export options: everything live now, or the mirror as it was at a past moment; every
 * collection, one of them, or a selection of items.
 */
export interface ExportParams {
  asOf?: number;
  includeDeletedUpstream?: boolean;
  collectionId?: string;
  itemIds?: string[];
  /** Contacts only: vCard 3.0 (default, the widest import support) or 4.0. */
  vcardVersion?: '3.0' | '4.0';
}

export interface ExportResult {
  /** The file's name as the browser wrote it (it adds " (1)" when the name was taken). */
  fileName: string;
  /** What the file holds: the summary names contacts or calendar items. */
  kind?: 'contacts' | 'calendars';
  /** Items in the file: written, converted or not, and kept exactly as served. */
  count: number;
  /** Cards written in another vCard version than served, by the version they were served in ("" for none). */
  convertedFrom?: Record<string, number>;
  /** The vCard version of the file, for contacts. */
  version?: string;
  /** Items no reader or converter could take, copied into the file exactly as served. */
  keptAsServed?: number;
  /** Cards whose properties the target version lacks were kept as X- properties (when the converter says so). */
  keptAsExtension?: number;
  /** Items left out because their text is incomplete, with the reason. */
  skipped: Array<{ title: string; reason: string }>;
}

export interface ArchiveCounts {
  contacts: number;
  events: number;
  tasks: number;
  journals: number;
  photos: number;
}

/** A backup archive written to Downloads. */
export interface ArchiveResult {
  fileName: string;
  bytes: number;
  /** Files inside (one per collection, and the items deleted upstream apart). */
  files: number;
  totals: ArchiveCounts;
  /** Items left out because their text could not be exported (listed in the manifest). */
  skipped: number;
}

export interface ArchiveParams {
  /** The mirror as it was at this moment. */
  asOf?: number;
  /** Encrypt the archive (AES-256 zip) with this password: the passphrase lock's. */
  password?: string;
}

/** What the offscreen document (Chrome) or the event page (Firefox) is asked to build. */
export type FileRequest =
  | { type: 'export'; kind: ExportKind; params: ExportParams }
  | { type: 'archive'; params: ArchiveParams; generator: string };
