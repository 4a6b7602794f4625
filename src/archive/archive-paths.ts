// Where each collection goes in the archive: `contacts/<account> - <address book>.vcf`. Names
// come from servers and people, so they are made safe for every file system a zip may be
// unpacked on (Windows forbids <>:"/\|?*, device names and names ending in a dot or space;
// controls and bidi overrides disguise a name) and kept unique.
import type { ArchiveFileKind, ArchiveFileState } from './archive-manifest';

const FORBIDDEN = /[<>:"/\\|?*]/g;
/** C0 controls, DEL and C1 controls; and a lone surrogate, which no file system can encode. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/**
 * Bidirectional formatting characters (Unicode TR9 §2): invisible, they make a listing show
 * "photo\u202Egpj.exe" as "photoexe.jpg". Removed, not replaced: they carry no visible text.
 */
const BIDI = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g;
/** Names Windows reserves for devices, with any extension (learn.microsoft.com, "Naming Files, Paths, and Namespaces"). */
const RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;
/** Most file systems allow 255 bytes a name; room is left for " (12)" and an extension. */
export const MAX_NAME_BYTES = 200;
/** A short ending after the last dot is an extension, kept when a long name is cut. */
const EXTENSION = /\.[^.\s]{1,12}$/;

const utf8Length = (text: string): number => new TextEncoder().encode(text).length;

/** The longest start of `text` within `bytes` UTF-8 bytes, never cutting a surrogate pair. */
function cutToBytes(text: string, bytes: number): string {
  let out = '';
  let used = 0;
  for (const ch of text) {
    used += utf8Length(ch);
    if (used > bytes) break;
    out += ch;
  }
  return out;
}

const trimEnd = (name: string): string => name.replace(/[. ]+$/, '');

function withinLength(name: string): string {
  if (utf8Length(name) <= MAX_NAME_BYTES) return name;
  const ext = EXTENSION.exec(name)?.[0] ?? '';
  return trimEnd(cutToBytes(name.slice(0, name.length - ext.length), MAX_NAME_BYTES - utf8Length(ext))) + ext;
}

/** "CON.vcf" → "CON_.vcf": the stem before the first dot is what Windows reserves. */
function notReserved(name: string): string {
  const dot = name.indexOf('.');
  const stem = dot === -1 ? name : name.slice(0, dot);
  return RESERVED.test(stem.trimEnd()) ? `${stem.trimEnd()}_${dot === -1 ? '' : name.slice(dot)}` : name;
}

/** A name safe on every file system a zip may be unpacked on, readable, never empty. */
export function safeName(name: string): string {
  const cleaned = trimEnd(
    name
      .normalize('NFC')
      .replace(BIDI, '')
      .replace(CONTROLS, '_')
      .replace(FORBIDDEN, '_')
      .replace(/\s+/g, ' ')
      .trim(),
  );
  return notReserved(withinLength(cleaned)) || 'unnamed';
}

const FOLDERS: Record<ArchiveFileKind, string> = { contacts: 'contacts', calendars: 'calendars', photo: 'photos' };
const EXTENSIONS: Record<ArchiveFileKind, string> = { contacts: '.vcf', calendars: '.ics', photo: '' };

/** Two paths a file system may take for the same: case folded (Windows, macOS). */
export const pathKey = (path: string): string => path.toLowerCase();

/** Hands out paths, never the same one twice (file systems that ignore case included). */
export class ArchivePaths {
  private readonly taken = new Set<string>();

  pathFor(kind: ArchiveFileKind, state: ArchiveFileState, account: string, collection: string): string {
    const folder = (state === 'deleted-upstream' ? 'deleted-upstream/' : '') + FOLDERS[kind];
    const base = `${folder}/${safeName(`${account} - ${collection}`)}`;
    const ext = EXTENSIONS[kind];
    let path = `${base}${ext}`;
    for (let n = 2; this.taken.has(pathKey(path)); n++) path = `${base} (${n})${ext}`;
    this.taken.add(pathKey(path));
    return path;
  }
}
