// Group commit for downloaded photos. Every transaction that writes a photo costs Chromium a
// fixed share of work whatever its size (the commit, the counters kept beside the photos,
// the change notice every open page receives), so a transaction per photo would make storing,
// not the network, the limit for small photos. A batch is written once it is full, once its
// bytes reach half the bound, once its first photo has waited `lingerMs`, or when the run
// flushes at its end; writes run one after the other, and while one is written the next one
// gathers. Without the wait, a batch was written as soon as the last one was done: with writes
// faster than downloads, about three photos a transaction. A download waits only while the
// gathered bytes are over the bound, so memory holds a bounded number of files, never the library.
import type { LifeboatDb } from '../../db/schema';
import { storePhotos, type PhotoToStore } from '../../db/photos/photo-writes';

export interface BatchLimits {
  /** Files in one transaction. */
  files: number;
  /** Bytes gathered before downloads wait for the writes to catch up. */
  bytes: number;
  /**
   * How long the first photo of a batch that is not full waits for others. A photo in a batch
   * not yet written is downloaded again by the next run if this one stops, so the wait is short.
   */
  lingerMs?: number;
}

/** The longest a batch that is not full waits for more photos, unless its limits say otherwise. */
const LINGER_MS = 250;

export const BATCH_LIMITS: BatchLimits = { files: 32, bytes: 32 * 1024 * 1024, lingerMs: LINGER_MS };

interface Waiting extends PhotoToStore {
  stored: () => void;
  failed: (error: unknown) => void;
}

export class StoreBatcher {
  private gathered: Waiting[] = [];
  private gatheredBytes = 0;
  private writing: Promise<void> | null = null;
  private room: Array<() => void> = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** The first photo waiting has waited long enough. */
  private lingered = false;
  private flushing = false;

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
    this.startWriting();
    return { stored };
  }

  /** Writes what is gathered without waiting for more; resolves when everything handed over so far is written (or has failed). */
  async flush(): Promise<void> {
    this.flushing = true;
    try {
      this.startWriting();
      while (this.writing) await this.writing;
    } finally {
      this.flushing = false;
    }
  }

  /** Whether a batch is worth a transaction now. */
  private due(): boolean {
    if (this.gathered.length === 0) return false;
    return this.flushing || this.lingered || this.gathered.length >= this.limits.files || this.gatheredBytes >= this.limits.bytes / 2;
  }

  /** Starts the writes when a batch is due, else makes sure the first photo waiting does not wait longer than `lingerMs`. */
  private startWriting(): void {
    if (this.writing) return;
    if (this.due()) {
      if (this.timer !== null) clearTimeout(this.timer);
      this.timer = null;
      this.writing = this.writeWhileDue();
    } else if (this.gathered.length > 0) {
      this.timer ??= setTimeout(() => {
        this.timer = null;
        this.lingered = true;
        this.startWriting();
      }, this.limits.lingerMs ?? LINGER_MS);
    }
  }

  private async writeWhileDue(): Promise<void> {
    while (this.due()) {
      this.lingered = false;
      const batch = this.gathered.splice(0, this.limits.files);
      await this.write(batch);
      this.gatheredBytes -= batch.reduce((sum, photo) => sum + photo.record.size, 0);
      for (const wake of this.room.splice(0)) wake();
    }
    this.writing = null;
    // What gathered during the last write and is not due yet waits for its own timer.
    this.startWriting();
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
