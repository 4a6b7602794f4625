// Bytes of downloads in progress. They go to IndexedDB in parts of a few MB as they arrive, so
// memory holds at most one part per download, and a worker stopped mid-file leaves the bytes
// it had: the next run asks only for the rest (Range). Part records are keyed by offset.
import type { LifeboatDb } from '../schema';
import type { PhotoPartRecord } from '../records';

/** Bytes held in memory per download before they are written out. */
export const PART_BYTES = 4 * 1024 * 1024;

export function readParts(db: LifeboatDb, photoId: string): Promise<PhotoPartRecord[]> {
  return db.photoParts.where('[photoId+offset]').between([photoId, 0], [photoId, Infinity]).toArray();
}

export async function clearParts(db: LifeboatDb, photoId: string): Promise<void> {
  await db.photoParts.where('photoId').equals(photoId).delete();
}

export function partsSize(parts: PhotoPartRecord[]): number {
  return parts.reduce((sum, part) => sum + part.data.size, 0);
}

/**
 * A sink that stores what it receives from `offset` on, in parts. When the body breaks (the
 * pipe aborts it), what arrived so far is stored too: that is what a resume continues from.
 */
export function partWriter(db: LifeboatDb, photoId: string, etag: string, offset: number): WritableStream<Uint8Array> {
  let chunks: Uint8Array[] = [];
  let held = 0;
  let at = offset;
  const flush = async (): Promise<void> => {
    if (held === 0) return;
    const data = new Blob(chunks as BlobPart[]);
    chunks = [];
    const start = at;
    at += held;
    held = 0;
    await db.photoParts.put({ photoId, offset: start, etag, data });
  };
  return new WritableStream<Uint8Array>({
    async write(chunk) {
      chunks.push(chunk);
      held += chunk.byteLength;
      if (held >= PART_BYTES) await flush();
    },
    close: flush,
    abort: flush,
  });
}
