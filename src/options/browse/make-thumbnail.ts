// A grid thumbnail from a stored photo: decoded by the browser (createImageBitmap), drawn at
// most 240 px on its longer side on an OffscreenCanvas, saved as a small JPEG. Formats the
// browser cannot decode (HEIC in Chrome, RAW, videos) get none, and the grid shows their kind.
// Only raster bytes are decoded, whatever the file's declared type: an SVG (or any markup)
// gets no thumbnail, so nothing of it is ever handed to the page (sniff-image.ts).
import { sniffImage } from './sniff-image';

/** Enough of a file's start for every signature sniff-image.ts knows. */
const SNIFF_BYTES = 64;
export const THUMB_SIZE = 240;

export interface Thumbnail {
  data: Blob;
  width: number;
  height: number;
}

export async function makeThumbnail(file: Blob): Promise<Thumbnail | null> {
  const sniffed = sniffImage(new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer()), file.type);
  if (sniffed === null || sniffed === 'markup') return null;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file.slice(0, file.size, sniffed));
  } catch {
    return null;
  }
  try {
    const scale = Math.min(1, THUMB_SIZE / Math.max(bitmap.width, bitmap.height));
    const canvas = new OffscreenCanvas(Math.max(1, Math.round(bitmap.width * scale)), Math.max(1, Math.round(bitmap.height * scale)));
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const data = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.8 });
    return { data, width: bitmap.width, height: bitmap.height };
  } finally {
    bitmap.close();
  }
}
