// Opens a backup archive for reading: its entries by path, and its manifest. Entries are then
// read through entry-caps.ts, never whole: the archive may be anything a person picked. An
// encrypted backup (AES zip, write-archive.ts) needs its passphrase: without one, or with a
// wrong one, opening it says so in words (EncryptedArchiveError) instead of zip.js's "File
// contains encrypted entry".
import { BlobReader, ZipReader, type Entry, type FileEntry, type Reader } from './zip';
import { readBudget, readEntryText } from './entry-caps';

export type { SkippedEntry } from './entry-caps';
import { MANIFEST_PATH, parseManifest, type ArchiveManifest } from './archive-manifest';
import { t } from '../catalog/catalog-text';

export interface OpenedArchive {
  entries: Map<string, FileEntry>;
  /** null when the zip has no manifest.json (not written by Lifeboat, or damaged). */
  manifest: ArchiveManifest | null;
  /** Why the manifest could not be read, when there is one but it is unreadable. */
  manifestError: string | null;
  close(): Promise<void>;
}

function isFile(entry: Entry): entry is FileEntry {
  return !entry.directory;
}

/** A Blob (a File the person picked), or any zip.js Reader (a file on disk in tools). */
export type ArchiveSource = Blob | Reader<unknown>;

/** The archive is encrypted and no passphrase, or a wrong one, was given. */
export class EncryptedArchiveError extends Error {
  constructor(readonly reason: 'needs-passphrase' | 'wrong-passphrase') {
    super(
      reason === 'needs-passphrase'
        ? 'This backup is encrypted: enter its passphrase (the passphrase lock’s, when it was written).'
        : 'That passphrase does not open this backup.',
    );
    this.name = 'EncryptedArchiveError';
  }
}

function passphraseError(error: unknown, password: string | undefined): EncryptedArchiveError | null {
  const message = error instanceof Error ? error.message : '';
  if (/encrypted entry/i.test(message)) return new EncryptedArchiveError('needs-passphrase');
  if (/invalid password/i.test(message)) return new EncryptedArchiveError(password ? 'wrong-passphrase' : 'needs-passphrase');
  return null;
}

export async function openArchive(source: ArchiveSource, options: { password?: string } = {}): Promise<OpenedArchive> {
  const { password } = options;
  const reader = new ZipReader(source instanceof Blob ? new BlobReader(source) : source, password ? { password } : {});
  let all: Entry[];
  try {
    all = await reader.getEntries();
  } catch {
    await reader.close().catch(() => undefined);
    throw new Error(t('errorNotAZip'));
  }
  const entries = new Map(all.filter(isFile).map((entry) => [entry.filename, entry]));
  let manifest: ArchiveManifest | null = null;
  let manifestError: string | null = null;
  const manifestEntry = entries.get(MANIFEST_PATH);
  if (manifestEntry) {
    if (manifestEntry.encrypted && !password) {
      await reader.close().catch(() => undefined);
      throw new EncryptedArchiveError('needs-passphrase');
    }
    try {
      // A manifest lists one line per file: 64 MB is far beyond any real one.
      const text = await readEntryText(manifestEntry, readBudget());
      if (typeof text !== 'string') throw new Error(t('errorManifestRefused', text.reason));
      manifest = parseManifest(text);
    } catch (error) {
      const locked = passphraseError(error, password);
      if (locked) {
        await reader.close().catch(() => undefined);
        throw locked;
      }
      manifestError = error instanceof Error ? error.message : String(error);
    }
  }
  return { entries, manifest, manifestError, close: () => reader.close() };
}
