// Digests of a stored file (the periodic re-check, and a download whose bytes were all stored by
// an earlier run). A photo is read whole and hashed in one WebCrypto call; anything larger is
// read as a stream, so that a video is never held whole.
import type { PhotoBytes } from '../model/photo';
import { hashInto, StreamHasher, type DigestAlgorithm, type Digests } from './stream-hasher';

export type { Digests } from './stream-hasher';

const READ_WHOLE_BYTES = 16 * 1024 * 1024;

export async function hashBlob(data: PhotoBytes, also: DigestAlgorithm[] = []): Promise<Digests> {
  const hasher = new StreamHasher(also);
  if (data instanceof Uint8Array) return hasher.finish([data]);
  const file = data;
  if (file.size <= READ_WHOLE_BYTES) return hasher.finish([new Uint8Array(await file.arrayBuffer())]);
  await hashInto(hasher, file);
  return hasher.finish([]);
}
