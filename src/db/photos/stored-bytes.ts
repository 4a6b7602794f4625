// Stored photo bytes (model/photo.ts PhotoBytes) as a Blob, for code that reads files: the archive,
// thumbnails, the checksum re-check.
import type { PhotoBytes } from '../../model/photo';

export function asBlob(data: PhotoBytes, type = ''): Blob {
  return data instanceof Blob ? data : new Blob([data as Uint8Array<ArrayBuffer>], { type });
}

export function byteSize(data: PhotoBytes): number {
  return data instanceof Blob ? data.size : data.byteLength;
}
