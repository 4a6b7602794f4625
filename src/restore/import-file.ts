// What a file the person picked holds, as parts to import: a Lifeboat backup (its manifest
// names each part's account and collection), any other zip of .vcf/.ics files, or a single
// .vcf or .ics file.
import type { ArchiveManifest } from '../archive/archive-manifest';
import { openArchive, type OpenedArchive } from '../archive/open-archive';
import { TextWriter } from '../archive/zip';
import type { ImportPart } from './import-into-mirror';

export interface FileToImport {
  /** The local account the parts go to. */
  label: string;
  parts: ImportPart[];
}

function kindOfPath(path: string): ImportPart['kind'] | null {
  if (/\.vcf$/i.test(path) || /\.vcard$/i.test(path)) return 'addressbook';
  if (/\.ics$/i.test(path) || /\.ical$/i.test(path)) return 'calendar';
  return null;
}

function baseName(path: string): string {
  return (path.split('/').pop() ?? path).replace(/\.[^.]+$/, '');
}

async function partsOfBackup(archive: OpenedArchive, manifest: ArchiveManifest): Promise<ImportPart[]> {
  const parts: ImportPart[] = [];
  for (const file of manifest.files) {
    const entry = archive.entries.get(file.path);
    if (!entry || file.kind === 'photo') continue;
    parts.push({
      source: file.path,
      name: `${file.account} - ${file.collection}`,
      kind: file.kind === 'contacts' ? 'addressbook' : 'calendar',
      deletedUpstream: file.state === 'deleted-upstream',
      text: await entry.getData(new TextWriter()),
    });
  }
  return parts;
}

async function partsOfZip(archive: OpenedArchive): Promise<ImportPart[]> {
  const parts: ImportPart[] = [];
  for (const [path, entry] of archive.entries) {
    const kind = kindOfPath(path);
    if (kind) parts.push({ source: path, name: baseName(path), kind, deletedUpstream: false, text: await entry.getData(new TextWriter()) });
  }
  return parts;
}

export async function readFileToImport(file: Blob & { name: string }): Promise<FileToImport> {
  const kind = kindOfPath(file.name);
  if (kind) {
    return { label: 'Imported files', parts: [{ source: file.name, name: baseName(file.name), kind, deletedUpstream: false, text: await file.text() }] };
  }
  const archive = await openArchive(file);
  try {
    if (archive.manifest) {
      return { label: `Backup of ${archive.manifest.createdAt.slice(0, 10)}`, parts: await partsOfBackup(archive, archive.manifest) };
    }
    const parts = await partsOfZip(archive);
    if (parts.length === 0) throw new Error('This zip holds no .vcf or .ics file');
    return { label: `Imported ${baseName(file.name)}`, parts };
  } finally {
    await archive.close();
  }
}
