// When a photo was taken, its size and place, from EXIF (exifr, lite build). Only the first
// bytes of the file are read: EXIF sits in the JPEG's APP1 segment or HEIC's first boxes, and
// a 4 GB video must never be loaded to learn nothing. Dates are read raw: EXIF's
// DateTimeOriginal is a wall-clock time without a zone (CIPA DC-008 §4.6.5), with the offset in
// OffsetTimeOriginal when the camera wrote one. Without an offset the wall time is stored as if
// UTC, so that the year and month folders match what the camera showed.
import exifr from 'exifr/dist/lite.esm.mjs';

/** Enough for EXIF in JPEG and HEIC files, tiny beside a photo. */
export const EXIF_BYTES = 256 * 1024;

export interface ExifFacts {
  takenAt: number | null;
  width: number | null;
  height: number | null;
  geo: { latitude: number; longitude: number } | null;
}

const NONE: ExifFacts = { takenAt: null, width: null, height: null, geo: null };

// One object for every call: exifr keeps the options it derives in a Map keyed by the object
// passed in, so a fresh literal per photo would be a new entry (about 3 KB) per photo, forever.
const EXIF_OPTIONS = { tiff: true, exif: true, gps: true, reviveValues: false, translateValues: false };

/** "2023:07:14 10:30:00" (+ "+02:00") → ms since the epoch. */
export function exifDate(value: unknown, offset: unknown): number | null {
  const match = typeof value === 'string' ? /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(value) : null;
  if (!match) return null;
  const [y, mo, d, h, mi, s] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  if (Number.isNaN(wall) || y < 1900) return null;
  const zone = typeof offset === 'string' ? /^([+-])(\d{2}):(\d{2})$/.exec(offset) : null;
  if (!zone) return wall;
  const minutes = (Number(zone[2]) * 60 + Number(zone[3])) * (zone[1] === '-' ? -1 : 1);
  return wall - minutes * 60_000;
}

function positive(value: unknown): number | null {
  return typeof value === 'number' && value > 0 ? value : null;
}

/** `file` may be the bytes themselves when they are at hand, which saves reading a Blob back. */
export async function readExif(file: Blob | Uint8Array): Promise<ExifFacts> {
  const head = file instanceof Uint8Array ? file.subarray(0, EXIF_BYTES) : new Uint8Array(await file.slice(0, EXIF_BYTES).arrayBuffer());
  let tags: Record<string, unknown> | undefined;
  try {
    tags = (await exifr.parse(head, EXIF_OPTIONS)) as Record<string, unknown> | undefined;
  } catch {
    return NONE;
  }
  if (!tags) return NONE;
  // With GPS enabled the one parse also gives the position in decimal degrees.
  const { latitude, longitude } = tags;
  return {
    takenAt: exifDate(tags.DateTimeOriginal ?? tags.CreateDate, tags.OffsetTimeOriginal),
    width: positive(tags.ExifImageWidth ?? tags.ImageWidth),
    height: positive(tags.ExifImageHeight ?? tags.ImageHeight),
    geo: typeof latitude === 'number' && typeof longitude === 'number' && Number.isFinite(latitude) && Number.isFinite(longitude) ? { latitude, longitude } : null,
  };
}
