// The cursor a OneDrive photo account keeps between runs: the delta link of the last round and
// the folder tree it knows (folder-tree.ts). Stored as JSON text in the account record; anything
// unreadable counts as no cursor, which only means a full listing compared with the mirror.
import type { FolderEntries } from './folder-tree';

export interface DriveCursor {
  deltaLink: string;
  folders: FolderEntries;
}

export function encodeCursor(cursor: DriveCursor): string {
  return JSON.stringify({ v: 1, ...cursor });
}

function isFolderEntries(value: unknown): value is FolderEntries {
  if (typeof value !== 'object' || value === null) return false;
  return Object.values(value).every((entry) => Array.isArray(entry) && typeof entry[0] === 'string' && (typeof entry[1] === 'string' || entry[1] === null));
}

export function decodeCursor(text: string | null): DriveCursor | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<DriveCursor> & { v?: unknown };
    if (value.v !== 1 || typeof value.deltaLink !== 'string' || !/^https?:\/\//.test(value.deltaLink) || !isFolderEntries(value.folders)) return null;
    return { deltaLink: value.deltaLink, folders: value.folders };
  } catch {
    return null;
  }
}
