// A writable end for a streamed archive that becomes a Blob. Chunks are merged into Blobs of a
// few megabytes as they arrive, so the JavaScript heap holds at most one such slice: Chrome
// keeps Blob data in its blob store, which moves large blobs to disk
// (https://chromium.googlesource.com/chromium/src/+/main/storage/browser/blob/README.md).
import { t } from '../catalog/catalog-text';
const SLICE_BYTES = 8 * 1024 * 1024;

export interface BlobSink {
  readonly writable: WritableStream<Uint8Array>;
  /** The whole Blob; valid once the writable side has been closed. */
  readonly blob: () => Blob;
}

export function blobSink(type: string): BlobSink {
  const slices: Blob[] = [];
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let closed = false;
  const flush = () => {
    if (pending.length === 0) return;
    slices.push(new Blob(pending as Uint8Array<ArrayBuffer>[]));
    pending = [];
    pendingBytes = 0;
  };
  const writable = new WritableStream<Uint8Array>({
    write(chunk) {
      // zip.js may reuse its buffers: keep a copy, not a view.
      pending.push(chunk.slice());
      pendingBytes += chunk.byteLength;
      if (pendingBytes >= SLICE_BYTES) flush();
    },
    close() {
      flush();
      closed = true;
    },
  });
  return {
    writable,
    blob: () => {
      if (!closed) throw new Error(t('errorArchiveUnfinished'));
      return new Blob(slices, { type });
    },
  };
}
