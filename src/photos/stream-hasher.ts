// Digests of a file computed from its bytes as they pass by, so that a downloaded file is never
// read back just to be hashed: SHA-256 always (what the mirror records and re-checks), SHA-1,
// MD5 or QuickXorHash only when a server states its checksum that way (ownCloud/Nextcloud's
// oc:checksums, OneDrive's hashes).
//
// Small files are hashed in one call to WebCrypto, many times faster than hashing in
// JavaScript; WebCrypto has no incremental interface, so a file that does not fit in memory is
// hashed piece by piece in JavaScript instead (@noble/hashes, quick-xor-hash.ts).
import { sha1, md5 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { ServerDigest } from '../model/photo-source';
import { QuickXorHash } from './quick-xor-hash';

export type DigestAlgorithm = ServerDigest['algorithm'];
export type Digests = Partial<Record<DigestAlgorithm, string>> & { 'sha-256': string };

/** A hash fed piece by piece: @noble/hashes' and QuickXorHash share this shape. */
interface State {
  update(bytes: Uint8Array): unknown;
  digest(): Uint8Array;
}

const INCREMENTAL: Record<DigestAlgorithm, () => State> = {
  'sha-256': () => sha256.create(),
  'sha-1': () => sha1.create(),
  md5: () => md5.create(),
  quickxor: () => new QuickXorHash(),
};
const WEBCRYPTO: Partial<Record<DigestAlgorithm, string>> = { 'sha-256': 'SHA-256', 'sha-1': 'SHA-1' };

async function digestWhole(algorithm: DigestAlgorithm, whole: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const name = WEBCRYPTO[algorithm];
  if (name) return new Uint8Array(await crypto.subtle.digest(name, whole));
  const state = INCREMENTAL[algorithm]();
  state.update(whole);
  return state.digest();
}

export class StreamHasher {
  private readonly algorithms: DigestAlgorithm[];
  private states: State[] | null = null;

  constructor(also: readonly DigestAlgorithm[] = []) {
    this.algorithms = [...new Set<DigestAlgorithm>(['sha-256', ...also])];
  }

  /** Bytes that come before the ones kept for `finish`; from here on hashing is incremental. */
  update(bytes: Uint8Array): void {
    this.states ??= this.algorithms.map((algorithm) => INCREMENTAL[algorithm]());
    for (const state of this.states) state.update(bytes);
  }

  /** Whether nothing was passed to `update`: `finish` then sees the whole file. */
  get untouched(): boolean {
    return this.states === null;
  }

  /** The digests of everything passed to `update` followed by `rest`. */
  async finish(rest: readonly Uint8Array[]): Promise<Digests> {
    const out: Partial<Record<DigestAlgorithm, string>> = {};
    if (this.states === null) {
      // The whole file is in `rest`: WebCrypto where it offers the algorithm (not MD5 nor QuickXorHash).
      const whole = rest.length === 1 ? (rest[0] as Uint8Array<ArrayBuffer>) : joinChunks(rest);
      for (const algorithm of this.algorithms) out[algorithm] = bytesToHex(await digestWhole(algorithm, whole));
      return out as Digests;
    }
    for (const bytes of rest) this.update(bytes);
    this.algorithms.forEach((algorithm, index) => (out[algorithm] = bytesToHex(this.states![index]!.digest())));
    return out as Digests;
  }
}

/** One buffer from a body's chunks. */
export function joinChunks(chunks: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const size = chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0);
  const whole = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    whole.set(chunk, at);
    at += chunk.byteLength;
  }
  return whole;
}

/** Feeds a stored Blob through the hasher as a stream, never holding it whole. */
export async function hashInto(hasher: StreamHasher, file: Blob): Promise<void> {
  const reader = file.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    hasher.update(value);
  }
}
