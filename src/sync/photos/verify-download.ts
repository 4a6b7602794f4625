// A download is checked before it is stored: its size against the listing's, and its digest
// against every digest the server stated (oc:checksums, Repr-Digest, a SHA-256 ETag). A
// mismatch means the bytes were damaged on the way (a proxy, a flaky line, a disk), and the
// file is not stored: the run reports it and the next run fetches it again.
import { hashBlob } from '../../photos/hash-blob';
import type { RemotePhoto, ServerDigest } from '../../sources/photo-source';

export class DamagedDownloadError extends Error {
  readonly code = 'damaged';
  constructor(photo: RemotePhoto, what: string) {
    super(`${photo.name}: the downloaded file does not match ${what}; it was not stored and will be fetched again`);
  }
}

export async function verifyDownload(photo: RemotePhoto, file: Blob, stated: ServerDigest[]): Promise<string> {
  if (photo.size !== null && file.size !== photo.size) {
    throw new DamagedDownloadError(photo, `the size the server listed (${file.size} bytes instead of ${photo.size})`);
  }
  const digests = await hashBlob(file, stated.map((d) => d.algorithm));
  const wrong = stated.find((d) => digests[d.algorithm] !== d.hex);
  if (wrong) throw new DamagedDownloadError(photo, `the ${wrong.algorithm.toUpperCase()} the server states (${wrong.origin})`);
  return digests['sha-256'];
}
