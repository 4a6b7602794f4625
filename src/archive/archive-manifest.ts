// manifest.json, the archive's table of contents: what it holds, from which account, when,
// how many items, and the SHA-256 of every file, so that a copy can be checked years later with
// nothing but `sha256sum` (README.txt says how) or Lifeboat's own verify.

import type { ArchiveCounts } from '../model/export';
import { t } from '../catalog/catalog-text';

export const ARCHIVE_FORMAT = 'lifeboat-backup';
export const ARCHIVE_FORMAT_VERSION = 1;
export const MANIFEST_PATH = 'manifest.json';
export const README_PATH = 'README.txt';


export type ArchiveFileKind = 'contacts' | 'calendars' | 'photo';
/** `deleted-upstream`: items the service deleted, which the mirror kept. */
export type ArchiveFileState = 'live' | 'deleted-upstream';

export interface ArchiveFileEntry {
  path: string;
  kind: ArchiveFileKind;
  state: ArchiveFileState;
  /** The account's label and the collection's name, as the person saw them. */
  account: string;
  collection: string;
  counts: ArchiveCounts;
  bytes: number;
  sha256: string;
}

export interface ArchiveAccount {
  label: string;
  server: string;
  username: string;
}

export interface ArchiveManifest {
  format: typeof ARCHIVE_FORMAT;
  formatVersion: number;
  createdAt: string;
  /** The moment whose state the archive holds, when not the present. */
  asOf: string | null;
  generator: string;
  accounts: ArchiveAccount[];
  files: ArchiveFileEntry[];
  totals: ArchiveCounts;
  /** Items left out because their text could not be exported, with the reason. */
  skipped: Array<{ path: string; title: string; reason: string }>;
}

export function emptyCounts(): ArchiveCounts {
  return { contacts: 0, events: 0, tasks: 0, journals: 0, photos: 0 };
}

export function addCounts(into: ArchiveCounts, more: ArchiveCounts): ArchiveCounts {
  for (const key of Object.keys(into) as Array<keyof ArchiveCounts>) into[key] += more[key];
  return into;
}

export function totalItems(counts: ArchiveCounts): number {
  return counts.contacts + counts.events + counts.tasks + counts.journals + counts.photos;
}

/** Reads a manifest from an archive, refusing what is not one of ours. */
export function parseManifest(text: string): ArchiveManifest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(t('errorManifestNotJson'));
  }
  const manifest = value as Partial<ArchiveManifest> | null;
  if (manifest?.format !== ARCHIVE_FORMAT || !Array.isArray(manifest.files)) {
    throw new Error(t('errorManifestNotLifeboat'));
  }
  if ((manifest.formatVersion ?? 0) > ARCHIVE_FORMAT_VERSION) {
    throw new Error(t('errorManifestNewer', String(manifest.formatVersion)));
  }
  return manifest as ArchiveManifest;
}
