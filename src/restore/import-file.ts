// What a file the person picked holds, as parts to import: a Lifeboat backup (its manifest
// names each part's account and collection), any other zip of .vcf/.ics files, or a single
// .vcf or .ics file.
import type { ArchiveManifest } from '../archive/archive-manifest';
import { openArchive, type OpenedArchive } from '../archive/open-archive';
import { readBudget, readEntryText, TEXT_CAPS, type EntryCaps, type ReadBudget, type SkippedEntry } from '../archive/entry-caps';
import type { FileEntry } from '../archive/zip';
import type { ImportPart } from './import-into-mirror';
import { t } from '../catalog/catalog-text';

export interface FileToImport {
  /** The local account the parts go to. */
  label: string;
  parts: ImportPart[];
  /** Entries of a zip not read (over a cap, or a likely bomb): reported by name, the rest imported. */
  skipped: SkippedEntry[];
}

interface Reading {
  parts: ImportPart[];
  skipped: SkippedEntry[];
  budget: ReadBudget;
}

async function addPart(reading: Reading, entry: FileEntry, part: Omit<ImportPart, 'text'>): Promise<void> {
  const text = await readEntryText(entry, reading.budget);
  if (typeof text === 'string') reading.parts.push({ ...part, text });
  else reading.skipped.push(text);
}

function kindOfPath(path: string): ImportPart['kind'] | null {
  if (/\.vcf$/i.test(path) || /\.vcard$/i.test(path)) return 'addressbook';
  if (/\.ics$/i.test(path) || /\.ical$/i.test(path)) return 'calendar';
  return null;
}

function baseName(path: string): string {
  return (path.split('/').pop() ?? path).replace(/\.[^.]+$/, '');
}

async function partsOfBackup(archive: OpenedArchive, manifest: ArchiveManifest, reading: Reading): Promise<void> {
  for (const file of manifest.files) {
    const entry = archive.entries.get(file.path);
    if (!entry || file.kind === 'photo') continue;
    await addPart(reading, entry, {
      source: file.path,
      name: `${file.account} - ${file.collection}`,
      kind: file.kind === 'contacts' ? 'addressbook' : 'calendar',
      deletedUpstream: file.state === 'deleted-upstream',
    });
  }
}

async function partsOfZip(archive: OpenedArchive, reading: Reading): Promise<void> {
  for (const [path, entry] of archive.entries) {
    const kind = kindOfPath(path);
    if (kind) await addPart(reading, entry, { source: path, name: baseName(path), kind, deletedUpstream: false });
  }
}

/** `caps` for tests; the defaults are entry-caps.ts's TEXT_CAPS. */
export async function readFileToImport(file: Blob & { name: string }, caps?: EntryCaps): Promise<FileToImport> {
  const kind = kindOfPath(file.name);
  if (kind) {
    if (file.size > (caps ?? TEXT_CAPS).perEntry) return { label: 'Imported files', parts: [], skipped: [{ name: file.name, reason: 'tooBig' }] };
    const part = { source: file.name, name: baseName(file.name), kind, deletedUpstream: false, text: await file.text() };
    return { label: 'Imported files', parts: [part], skipped: [] };
  }
  const archive = await openArchive(file);
  const reading: Reading = { parts: [], skipped: [], budget: readBudget(caps) };
  try {
    if (archive.manifest) {
      await partsOfBackup(archive, archive.manifest, reading);
      return { label: `Backup of ${archive.manifest.createdAt.slice(0, 10)}`, parts: reading.parts, skipped: reading.skipped };
    }
    await partsOfZip(archive, reading);
    if (reading.parts.length === 0 && reading.skipped.length === 0) throw new Error(t('errorZipHoldsNothing'));
    return { label: `Imported ${baseName(file.name)}`, parts: reading.parts, skipped: reading.skipped };
  } finally {
    await archive.close();
  }
}
