// Photos and videos for tests, made byte by byte (no image library, no network). A JPEG here is
// a real baseline JPEG that browsers decode: grey 8×8 blocks whose only coefficient is a zero
// DC difference, so one-symbol Huffman tables (code "0") suffice (ITU T.81 Annex K describes
// the tables; B.2 the markers). An APP1 segment carries EXIF (CIPA DC-008: a TIFF structure with
// an Exif IFD holding DateTimeOriginal and the pixel size), a COM segment optional padding.

function u16be(n: number): number[] {
  return [(n >> 8) & 0xff, n & 0xff];
}

function segment(marker: number, body: number[]): number[] {
  return [0xff, marker, ...u16be(body.length + 2), ...body];
}

/** Degrees as EXIF writes them: three rationals, degrees, minutes and seconds (in 1/1000). */
function dms(degrees: number): Array<[number, number]> {
  const abs = Math.abs(degrees);
  const whole = Math.floor(abs);
  const minutes = Math.floor((abs - whole) * 60);
  const seconds = Math.round(((abs - whole) * 60 - minutes) * 60 * 1000);
  return [[whole, 1], [minutes, 1], [seconds, 1000]];
}

/**
 * A little-endian TIFF with IFD0 → Exif IFD { DateTimeOriginal, PixelXDimension,
 * PixelYDimension } and, when given, IFD0 → GPS IFD { latitude, longitude with their refs }.
 */
function exifApp1(takenAt: string, width: number, height: number, gps: JpegOptions['gps']): number[] {
  const le16 = (n: number) => [n & 0xff, (n >> 8) & 0xff];
  const le32 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];
  const entry = (tag: number, type: number, count: number, value: number[]) => [...le16(tag), ...le16(type), ...le32(count), ...value];
  const ifdSize = (entries: number) => 2 + entries * 12 + 4;
  const ifd0At = 8;
  const exifAt = ifd0At + ifdSize(gps ? 2 : 1);
  const dateAt = exifAt + ifdSize(3);
  const date = [...new TextEncoder().encode(takenAt.padEnd(19).slice(0, 19)), 0];
  const gpsAt = dateAt + date.length;
  const latitudeAt = gpsAt + ifdSize(4);
  const longitudeAt = latitudeAt + 24;
  const rationals = (degrees: number) => dms(degrees).flatMap(([n, d]) => [...le32(n), ...le32(d)]);
  const ref = (letter: string) => [letter.charCodeAt(0), 0, 0, 0];
  const tiff = [
    0x49, 0x49, 0x2a, 0x00, ...le32(ifd0At),
    ...le16(gps ? 2 : 1), ...entry(0x8769, 4, 1, le32(exifAt)), ...(gps ? entry(0x8825, 4, 1, le32(gpsAt)) : []), ...le32(0),
    ...le16(3),
    ...entry(0x9003, 2, 20, le32(dateAt)),
    ...entry(0xa002, 4, 1, le32(width)),
    ...entry(0xa003, 4, 1, le32(height)),
    ...le32(0),
    ...date,
    ...(gps
      ? [
          ...le16(4),
          ...entry(1, 2, 2, ref(gps.latitude < 0 ? 'S' : 'N')),
          ...entry(2, 5, 3, le32(latitudeAt)),
          ...entry(3, 2, 2, ref(gps.longitude < 0 ? 'W' : 'E')),
          ...entry(4, 5, 3, le32(longitudeAt)),
          ...le32(0),
          ...rationals(gps.latitude),
          ...rationals(gps.longitude),
        ]
      : []),
  ];
  return segment(0xe1, [...new TextEncoder().encode('Exif'), 0, 0, ...tiff]);
}

export interface JpegOptions {
  width?: number;
  height?: number;
  /** EXIF DateTimeOriginal, "YYYY:MM:DD HH:MM:SS"; none when null. */
  takenAt?: string | null;
  /**
   * Bytes of filler in COM segments, to make files of a realistic size. The filler is
   * pseudo-random, as incompressible as a real JPEG's entropy-coded data: Chromium compresses
   * an IndexedDB value with Snappy before deciding whether it is kept in a file of its own, and
   * a filler that compresses would be stored as no real photo is.
   */
  padding?: number;
  /** Varies the filler, so that files of equal size differ. */
  seed?: number;
  /** Where it was taken, in decimal degrees (negative: south, west). */
  gps?: { latitude: number; longitude: number };
}

/** Bytes of filler per COM segment (a segment holds at most 65,533). */
const FILLER_SEGMENT = 60000;

export function makeJpeg(options: JpegOptions = {}): Uint8Array {
  const { width = 16, height = 16, takenAt = '2023:07:14 10:30:00', padding = 0, seed = 0, gps } = options;
  const blocks = Math.ceil(width / 8) * Math.ceil(height / 8);
  const bits = '00'.repeat(blocks);
  const scan: number[] = [];
  for (let i = 0; i < bits.length; i += 8) scan.push(parseInt(bits.slice(i, i + 8).padEnd(8, '1'), 2));
  const head = [0xff, 0xd8, ...(takenAt === null ? [] : exifApp1(takenAt, width, height, gps))];
  const tail = [
    ...segment(0xdb, [0x00, ...new Array<number>(64).fill(1)]),
    ...segment(0xc0, [8, ...u16be(height), ...u16be(width), 1, 1, 0x11, 0]),
    // One code of length 1 for symbol 0: DC "difference 0" and AC "end of block".
    ...segment(0xc4, [0x00, 1, ...new Array<number>(15).fill(0), 0x00]),
    ...segment(0xc4, [0x10, 1, ...new Array<number>(15).fill(0), 0x00]),
    ...segment(0xda, [1, 1, 0x00, 0, 63, 0]),
    ...scan,
    0xff, 0xd9,
  ];
  // The filler is written straight into the file's bytes: tests need files of tens of MB.
  const segments = Math.ceil(padding / FILLER_SEGMENT);
  const jpeg = new Uint8Array(head.length + padding + 4 * segments + tail.length);
  jpeg.set(head);
  let at = head.length;
  // xorshift32 from the seed: the same options give the same bytes. Below 0x80, so no 0xFF
  // in the filler looks like a marker to a parser that scans for one.
  let state = (seed ^ 0x9e3779b9) >>> 0 || 1;
  for (let left = padding; left > 0; left -= FILLER_SEGMENT) {
    const size = Math.min(left, FILLER_SEGMENT);
    jpeg.set([0xff, 0xfe, ...u16be(size + 2)], at);
    for (let i = 0; i < size; i++) {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      jpeg[at + 4 + i] = state & 0x7f;
    }
    at += 4 + size;
  }
  jpeg.set(tail, at);
  return jpeg;
}

/** A short "video": an ISO BMFF ftyp box (ISO/IEC 14496-12 §4.3) and an mdat of filler. */
export function makeMp4(bytes = 4096, seed = 0): Uint8Array {
  const ftyp = [0, 0, 0, 0x18, ...new TextEncoder().encode('ftypisom'), 0, 0, 2, 0, ...new TextEncoder().encode('isommp41')];
  const size = Math.max(bytes - ftyp.length, 8);
  const mdat = [(size >>> 24) & 0xff, (size >> 16) & 0xff, (size >> 8) & 0xff, size & 0xff, ...new TextEncoder().encode('mdat')];
  return new Uint8Array([...ftyp, ...mdat, ...Array.from({ length: size - 8 }, (_, i) => (seed + i) & 0xff)]);
}
