// Group commit for downloaded photos. Every transaction that writes a Blob costs Chromium several
// milliseconds whatever its size, and writes to the same stores run one after another, so a
// transaction per photo would make storing, not the network, the limit for small photos.
// While one batch is being written the next one gathers; it is written as soon as the first is
// done. A download waits only while the gathered bytes are over the limit, so memory holds a
// bounded number of files, never the library.
import type { LifeboatDb } from '../../db/schema';
import { storePhotos, type PhotoToStore } from '../../db/photos/photo-writes';

export interface BatchLimits {
  /** Files in one transaction. */
  files: number;
  /** Bytes gathered before downloads wait for the writes to catch up. */
  bytes: number;
}

export const BATCH_LIMITS: BatchLimits = { files: 32, bytes: 32 * 1024 * 1024 };

interface Waiting extends PhotoToStore {
  stored: () => void;
  failed: (error: unknown) => void;
}

export class StoreBatcher {
  private gathered: Waiting[] = [];
  private gatheredBytes = 0;
  private writing: Promise<void> | null = null;
  private room: Array<() => void> = [];

  constructor(
    private readonly db: LifeboatDb,
    private readonly now: () => number,
    private readonly limits: BatchLimits = BATCH_LIMITS,
  ) {}

  /**
   * Hands a photo over for storing. Resolves once it is accepted (at once, unless too many
   * bytes wait already), with `stored`, which settles when the photo is written. (Wrapped in
   * an object because a promise resolved with a promise would wait for it.)
   */
  async add(photo: PhotoToStore): Promise<{ stored: Promise<void> }> {
    while (this.gatheredBytes >= this.limits.bytes) await new Promise<void>((resolve) => this.room.push(resolve));
    const stored = new Promise<void>((resolve, reject) => this.gathered.push({ ...photo, stored: resolve, failed: reject }));
    this.gatheredBytes += photo.record.size;
    this.writing ??= this.writeAll();
    return { stored };
  }

  /** Resolves when everything handed over so far has been written (or has failed). */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private async writeAll(): Promise<void> {
    while (this.gathered.length > 0) {
      const batch = this.gathered.splice(0, this.limits.files);
      await this.write(batch);
      this.gatheredBytes -= batch.reduce((sum, photo) => sum + photo.record.size, 0);
      for (const wake of this.room.splice(0)) wake();
    }
    this.writing = null;
  }

  /** A batch that fails is written again one photo at a time, so only the culprit fails. */
  private async write(batch: Waiting[]): Promise<void> {
    try {
      await storePhotos(this.db, batch, this.now());
      for (const photo of batch) photo.stored();
    } catch (error) {
      if (batch.length === 1) batch[0]!.failed(error);
      else for (const photo of batch) await this.write([photo]);
    }
  }
}
