// Writes a backup archive as a stream: each file is hashed and added in turn, then README.txt
// and manifest.json (which needs every hash) close it. Entries are added one at a time and never
// buffered whole beyond WHOLE_FILE_BYTES, so memory does not grow with the archive; zip.js
// switches to Zip64 by itself for an entry or an offset beyond 4 GB.
// With a password every entry, manifest.json and README.txt included, is encrypted with AES-256
// in WinZip's AE-2 format (https://www.winzip.com/en/support/aes-encryption/), which 7-Zip,
// WinZip, macOS's Archive Utility (through ditto) and Linux's 7z and bsdtar read; the older
// ZipCrypto is never used (broken by known-plaintext attacks). Entry names stay readable, as the
// zip format keeps them in the clear.
import { Uint8ArrayReader, ZipWriter, type ZipWriterAddDataOptions } from './zip';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_FORMAT_VERSION,
  MANIFEST_PATH,
  README_PATH,
  addCounts,
  emptyCounts,
  type ArchiveAccount,
  type ArchiveFileEntry,
  type ArchiveManifest,
} from './archive-manifest';
import { archiveReadme } from './archive-readme';
import { WHOLE_FILE_BYTES, hashingStream, sha256Hex } from '../hash/sha256';

export interface ArchiveFile {
  entry: Omit<ArchiveFileEntry, 'bytes' | 'sha256'>;
  data: Uint8Array | Blob;
  /** Text compresses well; photos and videos are already compressed and are stored as they are. */
  compress: boolean;
  skipped?: Array<{ title: string; reason: string }>;
}

export interface ArchiveHeader {
  createdAt: Date;
  asOf: Date | null;
  generator: string;
  accounts: ArchiveAccount[];
  /** Encrypts every entry with AES-256 (AE-2) under this password. */
  password?: string;
}

export async function writeArchive(
  files: AsyncIterable<ArchiveFile> | Iterable<ArchiveFile>,
  writable: WritableStream<Uint8Array>,
  header: ArchiveHeader,
): Promise<ArchiveManifest> {
  const encryption = header.password ? { password: header.password, encryptionStrength: 3 as const } : {};
  const zip = new ZipWriter(writable, { lastModDate: header.createdAt, ...encryption });
  const manifest: ArchiveManifest = {
    format: ARCHIVE_FORMAT,
    formatVersion: ARCHIVE_FORMAT_VERSION,
    createdAt: header.createdAt.toISOString(),
    asOf: header.asOf?.toISOString() ?? null,
    generator: header.generator,
    accounts: header.accounts,
    files: [],
    totals: emptyCounts(),
    skipped: [],
  };
  try {
    for await (const file of files) {
      const { bytes, sha256 } = await addFile(zip, file);
      manifest.files.push({ ...file.entry, bytes, sha256 });
      addCounts(manifest.totals, file.entry.counts);
      for (const s of file.skipped ?? []) manifest.skipped.push({ path: file.entry.path, ...s });
    }
    const encoder = new TextEncoder();
    await zip.add(README_PATH, new Uint8ArrayReader(encoder.encode(archiveReadme(manifest))));
    await zip.add(MANIFEST_PATH, new Uint8ArrayReader(encoder.encode(JSON.stringify(manifest, null, 2))));
    await zip.close();
  } catch (error) {
    await writable.abort(error).catch(() => undefined);
    throw error;
  }
  return manifest;
}

async function addFile(zip: ZipWriter<unknown>, file: ArchiveFile): Promise<{ bytes: number; sha256: string }> {
  const options: ZipWriterAddDataOptions = { level: file.compress ? 6 : 0 };
  const { data } = file;
  if (data instanceof Uint8Array || data.size <= WHOLE_FILE_BYTES) {
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(await data.arrayBuffer());
    const sha256 = await sha256Hex(bytes);
    await zip.add(file.entry.path, new Uint8ArrayReader(bytes), options);
    return { bytes: bytes.byteLength, sha256 };
  }
  const hash = hashingStream();
  await zip.add(file.entry.path, data.stream().pipeThrough(hash.stream), { ...options, uncompressedSize: data.size });
  return { bytes: hash.size(), sha256: hash.hex() };
}

