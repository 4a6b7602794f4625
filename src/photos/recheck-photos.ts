// The periodic re-check: stored bytes are hashed again and compared with the SHA-256 taken when
// they were stored, oldest check first, a bounded batch per run (so a run fits a service
// worker's lifetime however large the library). A file that no longer matches is marked
// corrupt and its ETag forgotten, so the next mirror fetches it again if the server still has
// it; the finding goes into the account's run log.
import type { LifeboatDb } from '../db/schema';
import type { PhotoRecord } from '../model/photo';
import type { RunError } from '../model/run';
import { hashBlob } from './hash-blob';

export interface RecheckLimits {
  /** Only photos last checked before this moment. */
  checkedBefore: number;
  maxFiles: number;
  maxBytes: number;
}

export const RECHECK_LIMITS = { everyMs: 7 * 24 * 3600_000, maxFiles: 500, maxBytes: 2 * 1024 ** 3 };

export async function recheckPhotos(db: LifeboatDb, now: number, limits: RecheckLimits): Promise<{ checked: number; corrupt: PhotoRecord[] }> {
  const due = await db.photos.where('checkedAt').below(limits.checkedBefore).limit(limits.maxFiles).toArray();
  const corrupt: PhotoRecord[] = [];
  let bytes = 0;
  let checked = 0;
  for (const photo of due) {
    if (checked > 0 && bytes + photo.size > limits.maxBytes) break;
    bytes += photo.size;
    checked++;
    const stored = await db.photoBlobs.get(photo.id);
    const sha256 = stored ? (await hashBlob(stored.data))['sha-256'] : null;
    if (sha256 === photo.sha256) {
      await db.photos.update(photo.id, { checkedAt: now, corruptAt: null });
      continue;
    }
    corrupt.push(photo);
    await db.photos.update(photo.id, { checkedAt: now, corruptAt: now, etag: '' });
  }
  await recordCorruption(db, corrupt, now);
  return { checked, corrupt };
}

/** One run-log entry per account with corrupt files, so the person sees it where runs are shown. */
async function recordCorruption(db: LifeboatDb, corrupt: PhotoRecord[], now: number): Promise<void> {
  const byAccount = new Map<string, RunError[]>();
  for (const photo of corrupt) {
    const errors = byAccount.get(photo.accountId) ?? [];
    errors.push({ href: photo.path, message: `${photo.name}: the stored copy no longer matches its SHA-256; it will be fetched again if the server still has it` });
    byAccount.set(photo.accountId, errors);
  }
  for (const [accountId, errors] of byAccount) {
    await db.runs.add({ accountId, startedAt: now, finishedAt: now, outcome: 'partial', added: 0, changed: 0, deletedUpstream: 0, unchanged: 0, errors });
  }
}
