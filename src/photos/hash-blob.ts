// Digests of a stored file, read as a stream so that a video is never held whole: SHA-256
// always (what the mirror records and re-checks), and SHA-1 or MD5 only when a server states
// its checksum that way (ownCloud/Nextcloud's oc:checksums).
import { sha1, md5 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { ServerDigest } from '../sources/photo-source';

export type Digests = Partial<Record<ServerDigest['algorithm'], string>>;

const HASHES = { 'sha-256': sha256, 'sha-1': sha1, md5 } as const;

export async function hashBlob(file: Blob, also: Array<ServerDigest['algorithm']> = []): Promise<Digests & { 'sha-256': string }> {
  const algorithms = [...new Set<ServerDigest['algorithm']>(['sha-256', ...also])];
  const states = algorithms.map((algorithm) => HASHES[algorithm].create());
  const reader = file.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    for (const state of states) state.update(value);
  }
  const out: Digests = {};
  algorithms.forEach((algorithm, index) => (out[algorithm] = bytesToHex(states[index]!.digest())));
  return out as Digests & { 'sha-256': string };
}
