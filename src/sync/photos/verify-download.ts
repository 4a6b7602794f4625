// A download is checked before it is stored: its size against the listing's, and its digest
// against the digests the server stated (oc:checksums, Repr-Digest, a SHA-256 ETag, OneDrive's
// hashes) in the strongest algorithm among them: one is enough to catch damage, and Nextcloud
// states SHA-1, MD5 and Adler-32 at once, where MD5 would have to be computed in JavaScript.
// The digest covers the whole file, a resumed download's stored parts included. A mismatch
// means the bytes were damaged on the way (a proxy, a flaky line, a disk), and the file is not
// stored: the run reports it and the next run fetches it again from byte 0.
import type { LifeboatDb } from '../../db/schema';
import { clearParts } from '../../db/photos/photo-parts';
import type { Digests } from '../../photos/stream-hasher';
import type { RemotePhoto, ServerDigest } from '../../model/photo-source';

export class DamagedDownloadError extends Error {
  readonly code = 'damaged';
  constructor(photo: RemotePhoto, what: string) {
    super(`${photo.name}: the downloaded file does not match ${what}; it was not stored and will be fetched again`);
  }
}

// QuickXorHash comes last: it is a checksum, not a cryptographic hash (bytes 160 apart can
// trade places unseen), checked only when a server states nothing else, as OneDrive for Business does.
const STRENGTH: ServerDigest['algorithm'][] = ['sha-256', 'sha-1', 'md5', 'quickxor'];

/** How messages name each algorithm. */
const NAMES: Record<ServerDigest['algorithm'], string> = { 'sha-256': 'SHA-256', 'sha-1': 'SHA-1', md5: 'MD5', quickxor: 'QuickXorHash' };

/** The stated digests worth checking: every one in the strongest algorithm stated. */
export function digestsToCheck(stated: ServerDigest[]): ServerDigest[] {
  const strongest = STRENGTH.find((algorithm) => stated.some((d) => d.algorithm === algorithm));
  return stated.filter((d) => d.algorithm === strongest);
}

function damage(photo: RemotePhoto, size: number, digests: Digests, stated: ServerDigest[]): DamagedDownloadError | null {
  if (photo.size !== null && size !== photo.size) {
    return new DamagedDownloadError(photo, `the size the server listed (${size} bytes instead of ${photo.size})`);
  }
  const wrong = digestsToCheck(stated).find((d) => digests[d.algorithm] !== d.hex);
  return wrong ? new DamagedDownloadError(photo, `the ${NAMES[wrong.algorithm]} the server states (${wrong.origin})`) : null;
}

export interface DownloadToCheck {
  db: LifeboatDb;
  /** The photo's key in the mirror, whose stored parts go when the file is damaged. */
  id: string;
  photo: RemotePhoto;
  /** Bytes received, stored parts included. */
  size: number;
  /** What the bytes hashed to on the way. */
  digests: Digests;
  /** What the listing and the answers stated. */
  stated: ServerDigest[];
}

/** The file's SHA-256 when it is whole and matches; otherwise its bytes are dropped and it throws. */
export async function checkDownload(check: DownloadToCheck): Promise<string> {
  const { db, id, photo, size, digests, stated } = check;
  const error = damage(photo, size, digests, stated);
  if (!error) return digests['sha-256'];
  // Damaged bytes are no base to resume from.
  await clearParts(db, id);
  throw error;
}
