// Where each collection goes in the archive: `contacts/<account> - <address book>.vcf`. Names
// come from servers and people, so they are made safe for every file system a zip may be
// unpacked on (Windows forbids <>:"/\|?* and names ending in a dot or space) and kept unique.
import type { ArchiveFileKind, ArchiveFileState } from './archive-manifest';

const FORBIDDEN = /[<>:"/\\|?*]/g;

/** Control characters (C0 and DEL) have no place in a file name either. */
function withoutControls(name: string): string {
  return [...name].map((ch) => (ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f ? '_' : ch)).join('');
}

export function safeName(name: string): string {
  const cleaned = withoutControls(name).replace(FORBIDDEN, '_').replace(/\s+/g, ' ').trim().replace(/[. ]+$/, '');
  return cleaned.slice(0, 80) || 'unnamed';
}

const FOLDERS: Record<ArchiveFileKind, string> = { contacts: 'contacts', calendars: 'calendars', photo: 'photos' };
const EXTENSIONS: Record<ArchiveFileKind, string> = { contacts: '.vcf', calendars: '.ics', photo: '' };

/** Hands out paths, never the same one twice (file systems that ignore case included). */
export class ArchivePaths {
  private readonly taken = new Set<string>();

  pathFor(kind: ArchiveFileKind, state: ArchiveFileState, account: string, collection: string): string {
    const folder = (state === 'deleted-upstream' ? 'deleted-upstream/' : '') + FOLDERS[kind];
    const base = `${folder}/${safeName(`${account} - ${collection}`)}`;
    const ext = EXTENSIONS[kind];
    let path = `${base}${ext}`;
    for (let n = 2; this.taken.has(path.toLowerCase()); n++) path = `${base} (${n})${ext}`;
    this.taken.add(path.toLowerCase());
    return path;
  }
}
