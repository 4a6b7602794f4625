// SHA-256 for the archive's manifest. Whole files that fit in memory go through WebCrypto
// (native, ~1 GB/s); a stream goes through an incremental hash, because WebCrypto's digest
// takes only a whole buffer (https://w3c.github.io/webcrypto/#SubtleCrypto-method-digest) and a
// video or a 4 GB archive entry must never be held whole.
import { sha256 } from '@noble/hashes/sha2.js';
import { t } from '../catalog/catalog-text';

function hex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}

/** Files up to this size are read whole and hashed natively; larger ones are streamed. */
export const WHOLE_FILE_BYTES = 32 * 1024 * 1024;

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  return hex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)));
}

export interface StreamHash {
  /** Passes chunks through unchanged while hashing them. */
  readonly stream: TransformStream<Uint8Array, Uint8Array>;
  /** Bytes seen so far. */
  readonly size: () => number;
  /** Valid once the stream has ended. */
  readonly hex: () => string;
}

export function hashingStream(): StreamHash {
  const hash = sha256.create();
  let size = 0;
  let digest: string | null = null;
  const stream = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      hash.update(chunk);
      size += chunk.byteLength;
      controller.enqueue(chunk);
    },
    flush() {
      digest = hex(hash.digest());
    },
  });
  return {
    stream,
    size: () => size,
    hex: () => {
      if (digest === null) throw new Error(t('errorStreamNotEnded'));
      return digest;
    },
  };
}

/** A writable end that only hashes what it receives (to check an entry without keeping it). */
export function hashingSink(): { writable: WritableStream<Uint8Array>; size: () => number; hex: () => string } {
  const hash = hashingStream();
  const writable = new WritableStream<Uint8Array>({
    async write(chunk) {
      await writer.write(chunk);
    },
    async close() {
      await writer.close();
      await drained;
    },
  });
  const writer = hash.stream.writable.getWriter();
  const drained = hash.stream.readable.pipeTo(new WritableStream());
  return { writable, size: hash.size, hex: hash.hex };
}
