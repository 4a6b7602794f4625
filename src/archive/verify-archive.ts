// "Verify a backup": re-reads every file of an archive and checks it against the size and
// SHA-256 that manifest.json recorded when the archive was written, plus the zip's own CRC-32.
// Reports every problem rather than stopping at the first, so a damaged copy says how damaged.
// An encrypted backup is verified with its passphrase: AES entries (AE-2) carry no CRC-32, and
// their authentication code (HMAC-SHA1 over the encrypted bytes) is checked instead.
import { Uint8ArrayWriter, type FileEntry } from './zip';
import { MANIFEST_PATH, README_PATH, type ArchiveManifest } from './archive-manifest';
import { openArchive, type ArchiveSource } from './open-archive';
import { WHOLE_FILE_BYTES, hashingSink, sha256Hex } from '../hash/sha256';

export interface VerifyProblem {
  path: string;
  problem: string;
}

export interface VerifyReport {
  ok: boolean;
  manifest: ArchiveManifest | null;
  /** Files whose hash matched. */
  verified: number;
  problems: VerifyProblem[];
}

async function entryHash(entry: FileEntry): Promise<{ bytes: number; sha256: string }> {
  if (entry.uncompressedSize <= WHOLE_FILE_BYTES) {
    const bytes = await entry.getData(new Uint8ArrayWriter(), { checkSignature: true });
    return { bytes: bytes.byteLength, sha256: await sha256Hex(bytes) };
  }
  const sink = hashingSink();
  await entry.getData(sink.writable, { checkSignature: true });
  return { bytes: sink.size(), sha256: sink.hex() };
}

export async function verifyArchive(source: ArchiveSource, options: { password?: string } = {}): Promise<VerifyReport> {
  const archive = await openArchive(source, options);
  try {
    const { manifest } = archive;
    if (!manifest) {
      const problem = archive.manifestError ?? 'manifest.json is missing: this is not a Lifeboat backup, or it is incomplete';
      return { ok: false, manifest: null, verified: 0, problems: [{ path: MANIFEST_PATH, problem }] };
    }
    const problems: VerifyProblem[] = [];
    let verified = 0;
    for (const file of manifest.files) {
      const entry = archive.entries.get(file.path);
      if (!entry) {
        problems.push({ path: file.path, problem: 'missing from the archive' });
        continue;
      }
      try {
        const { bytes, sha256 } = await entryHash(entry);
        if (bytes !== file.bytes) problems.push({ path: file.path, problem: `holds ${bytes} bytes; the manifest says ${file.bytes}` });
        else if (sha256 !== file.sha256) problems.push({ path: file.path, problem: 'its SHA-256 does not match the manifest: the file was changed or damaged' });
        else verified += 1;
      } catch (error) {
        problems.push({ path: file.path, problem: `cannot be read: ${error instanceof Error ? error.message : String(error)}` });
      }
    }
    const listed = new Set([...manifest.files.map((f) => f.path), MANIFEST_PATH, README_PATH]);
    for (const path of archive.entries.keys()) {
      if (!listed.has(path)) problems.push({ path, problem: 'not listed in the manifest' });
    }
    return { ok: problems.length === 0, manifest, verified, problems };
  } finally {
    await archive.close();
  }
}
