// A small but valid JPEG with an EXIF block, built byte by byte so that no image tool is
// needed: an 8×8 grey baseline image (one block, every coefficient zero, coded with one-symbol
// Huffman tables), camera fields in EXIF (Make, Model, DateTime) as phones write them, and a
// comment segment of seeded noise that brings the file to a photo-like size which, like real
// image data, base64 cannot shrink.

function segment(marker: number, payload: number[]): number[] {
  const length = payload.length + 2;
  return [0xff, marker, length >> 8, length & 0xff, ...payload];
}

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0) & 0x7f);
const u16 = (n: number): number[] => [n & 0xff, n >> 8];
const u32 = (n: number): number[] => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, n >>> 24];

/** APP1 "Exif": a little-endian TIFF header and IFD0 holding ASCII tags. */
function exifSegment(tags: Array<[tag: number, value: string]>): number[] {
  const ifdSize = 2 + tags.length * 12 + 4;
  let dataOffset = 8 + ifdSize;
  const entries: number[] = [];
  const data: number[] = [];
  for (const [tag, value] of tags) {
    const bytes = [...ascii(value), 0];
    entries.push(...u16(tag), ...u16(2), ...u32(bytes.length), ...u32(dataOffset));
    data.push(...bytes);
    dataOffset += bytes.length;
  }
  const tiff = [...ascii('II'), ...u16(42), ...u32(8), ...u16(tags.length), ...entries, ...u32(0), ...data];
  return segment(0xe1, [...ascii('Exif'), 0, 0, ...tiff]);
}

/** Deterministic noise (a 32-bit xorshift), so the same seed gives the same photo. */
function noise(length: number, seed: number): number[] {
  let state = seed | 1;
  return Array.from({ length }, () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return state & 0xff;
  });
}

export interface SamplePhoto {
  /** Total size in bytes (at least ~200: the image itself). */
  bytes: number;
  seed: number;
  /** EXIF DateTime, `YYYY:MM:DD HH:MM:SS`. */
  takenAt?: string;
}

export function makeJpeg(photo: SamplePhoto): Uint8Array {
  const head = [
    0xff, 0xd8,
    ...exifSegment([
      [0x010f, 'Lifeboat'],
      [0x0110, 'Sample Camera'],
      [0x0132, photo.takenAt ?? '2025:03:01 09:00:00'],
    ]),
    ...segment(0xdb, [0x00, ...new Array<number>(64).fill(1)]), // DQT: table 0, all ones
    ...segment(0xc0, [8, 0, 8, 0, 8, 1, 1, 0x11, 0]), // SOF0: 8-bit, 8×8, one component
    ...segment(0xc4, [0x00, 1, ...new Array<number>(15).fill(0), 0x00]), // DHT DC 0: one code, category 0
    ...segment(0xc4, [0x10, 1, ...new Array<number>(15).fill(0), 0x00]), // DHT AC 0: one code, end of block
  ];
  const scan = [...segment(0xda, [1, 1, 0x00, 0, 63, 0]), 0x3f, 0xff, 0xd9]; // DC 0, EOB, padding bits
  // A comment segment holds at most 65533 bytes; the filler is cut to fit.
  const room = Math.min(65_533, Math.max(0, photo.bytes - head.length - scan.length - 4));
  return Uint8Array.from([...head, ...segment(0xfe, noise(room, photo.seed)), ...scan]);
}
