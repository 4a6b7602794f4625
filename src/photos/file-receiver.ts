// Where the bytes of a downloaded or imported file go as they arrive. They are hashed on the
// way, so the file is never read back to be checked; a file that fits in one part stays in
// memory until it is stored with its record in one transaction; a bigger one goes to
// IndexedDB in parts of PART_BYTES, so memory holds at most one part per file. When the body
// breaks, what arrived is stored as a part too: that is what a resume continues from.
import type { LifeboatDb } from '../db/schema';
import { PART_BYTES, readParts } from '../db/photos/photo-parts';
import type { PhotoBytes, PhotoPartRecord } from '../model/photo';
import { hashInto, joinChunks, StreamHasher, type DigestAlgorithm, type Digests } from './stream-hasher';

export interface ReceivedFile {
  /** The bytes themselves when they fitted in memory, else a Blob of the stored parts. */
  data: PhotoBytes;
  digests: Digests;
}

export class FileReceiver {
  private readonly hasher: StreamHasher;
  private chunks: Uint8Array[] = [];
  private held = 0;
  private at: number;
  private storedParts: boolean;

  /**
   * `stored` are the parts an earlier attempt left before `start` (hashed first, so the digest
   * covers the whole file); empty when the file starts at byte 0.
   */
  private constructor(
    private readonly db: LifeboatDb,
    private readonly photoId: string,
    private readonly etag: string,
    start: number,
    also: readonly DigestAlgorithm[],
    private readonly partBytes: number,
  ) {
    this.hasher = new StreamHasher(also);
    this.at = start;
    this.storedParts = start > 0;
  }

  static async open(
    db: LifeboatDb,
    photoId: string,
    etag: string,
    stored: PhotoPartRecord[],
    also: readonly DigestAlgorithm[] = [],
    partBytes = PART_BYTES,
  ): Promise<FileReceiver> {
    const start = stored.reduce((sum, part) => sum + part.data.size, 0);
    const receiver = new FileReceiver(db, photoId, etag, start, also, partBytes);
    for (const part of stored) await hashInto(receiver.hasher, part.data);
    return receiver;
  }

  /** The sink to pipe a body into. */
  get sink(): WritableStream<Uint8Array> {
    return new WritableStream<Uint8Array>({
      write: async (chunk) => {
        this.chunks.push(chunk);
        this.held += chunk.byteLength;
        if (this.held >= this.partBytes) await this.storePart();
      },
      abort: () => this.storePart(),
    });
  }

  /** The whole file (stored parts and the bytes still in memory) and its digests. */
  async finish(mime: string): Promise<ReceivedFile> {
    if (!this.storedParts) {
      // The whole file is in memory: one buffer, hashed in one call and stored as it is.
      const bytes = joinChunks(this.chunks);
      return { data: bytes, digests: await this.hasher.finish([bytes]) };
    }
    const digests = await this.hasher.finish(this.chunks);
    const parts = (await readParts(this.db, this.photoId)).map((part) => part.data);
    return { data: new Blob([...parts, ...(this.chunks as BlobPart[])], { type: mime }), digests };
  }

  private async storePart(): Promise<void> {
    if (this.held === 0) return;
    for (const chunk of this.chunks) this.hasher.update(chunk);
    const data = new Blob(this.chunks as BlobPart[]);
    const offset = this.at;
    this.chunks = [];
    this.at += this.held;
    this.held = 0;
    this.storedParts = true;
    await this.db.photoParts.put({ photoId: this.photoId, offset, etag: this.etag, data });
  }
}
