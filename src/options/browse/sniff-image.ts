// What a picture's bytes are, whatever its declared type says: a card or a server can label
// an SVG "image/jpeg". Raster formats by their signatures (WHATWG MIME Sniffing §6.1, "image
// type pattern matching"); anything that starts with markup is SVG or worse, which must
// never become a document of the extension's origin (an SVG opened as a page runs its
// scripts), so it is only ever drawn into pixels (contact-photo-url.ts) or not shown.

export type RasterType = 'image/jpeg' | 'image/png' | 'image/gif' | 'image/webp' | 'image/bmp' | 'image/x-icon' | 'image/avif';
export type Sniffed = RasterType | 'markup' | null;

const startsWith = (bytes: Uint8Array, signature: number[], at = 0): boolean => signature.every((byte, i) => bytes[at + i] === byte);
const ascii = (text: string): number[] => [...text].map((ch) => ch.charCodeAt(0));

function isMarkup(bytes: Uint8Array): boolean {
  // A UTF-16 text, or a UTF-8 one after its BOM and leading white space, whose first character is '<'.
  if (startsWith(bytes, [0xfe, 0xff]) || startsWith(bytes, [0xff, 0xfe])) return true;
  let at = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  while (at < bytes.length && [0x09, 0x0a, 0x0c, 0x0d, 0x20].includes(bytes[at]!)) at++;
  return bytes[at] === 0x3c;
}

export function sniffImage(bytes: Uint8Array, declared = ''): Sniffed {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBPVP'), 8)) return 'image/webp';
  if (startsWith(bytes, ascii('BM'))) return 'image/bmp';
  if (startsWith(bytes, [0x00, 0x00, 0x01, 0x00])) return 'image/x-icon';
  if (startsWith(bytes, ascii('ftypavif'), 4)) return 'image/avif';
  // Compressed SVG (.svgz) is gzip: markup once inflated.
  if (isMarkup(bytes) || startsWith(bytes, [0x1f, 0x8b]) || /svg|xml/i.test(declared)) return 'markup';
  return null;
}
