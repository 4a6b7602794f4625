// Inline binary values: vCard 3.0 writes "PHOTO;ENCODING=b;TYPE=JPEG:<base64>" (RFC 2426
// §3.1.4, §5.8 of RFC 2425 for "b"); vCard 4.0 writes "PHOTO:data:image/jpeg;base64,<base64>"
// (RFC 6350 §6.2.4, data: URIs per RFC 2397). Converting one into the other must move the same
// bytes: the base64 text is carried over as it is, never encoded a second time.

export interface InlineData {
  mediaType: string;
  base64: string;
}

function percentDecodedBase64(text: string): string {
  let binary = '';
  const utf8 = new TextEncoder();
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === '%' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      binary += String.fromCharCode(parseInt(hex, 16));
      i += 2;
    } else {
      for (const b of utf8.encode(text[i])) binary += String.fromCharCode(b);
    }
  }
  return btoa(binary);
}

/**
 * Undoes TEXT escaping that some writers wrongly apply to URI values: ical.js writes
 * "data:image/jpeg;base64\,…", and others escape the ";" too. A backslash is not a URI
 * character (RFC 3986 §2), so in a URI value it can only be such an escape.
 */
export function unescapeUri(value: string): string {
  return value.includes('\\') ? value.replace(/\\(.)/g, '$1') : value;
}

/** Splits a data: URI (escaped or not, see unescapeUri); `null` when the value is not one. */
export function parseDataUri(value: string): InlineData | null {
  const match = /^data:([^,]*),(.*)$/is.exec(unescapeUri(value.trim()));
  if (match === null) return null;
  const meta = (match[1] ?? '').split(';').map((m) => m.trim());
  const data = match[2] ?? '';
  const isBase64 = meta.some((m) => m.toLowerCase() === 'base64');
  // RFC 2397 §2: an omitted media type means text/plain.
  const mediaType = meta[0] !== undefined && meta[0].includes('/') ? meta[0].toLowerCase() : 'text/plain';
  return { mediaType, base64: isBase64 ? data.replace(/\s+/g, '') : percentDecodedBase64(data) };
}

const KEY_TYPES: Record<string, string> = { 'application/pgp-keys': 'PGP', 'application/pkix-cert': 'X509' };
/** What a 3.0 card means by an ENCODING=b value that names no TYPE. */
export const UNKNOWN_MEDIA_TYPE = 'application/octet-stream';

/** The top-level media type a bare 3.0 TYPE ("JPEG", "WAVE") stands under, per property. */
function topOf(property: string): string {
  return property === 'SOUND' ? 'audio' : property === 'KEY' ? 'application' : 'image';
}

/**
 * 4.0 media type → 3.0 TYPE value: "image/jpeg" → "JPEG" on PHOTO (what iCloud and Google
 * write); the full media type where the short form would read back as a different one
 * (mediaTypeOf must give back exactly `mediaType`); `null` for "no type stated".
 */
export function v3TypeOf(property: string, mediaType: string): string | null {
  if (mediaType === UNKNOWN_MEDIA_TYPE) return null;
  const known = KEY_TYPES[mediaType];
  if (known !== undefined) return known;
  const [top, sub = ''] = mediaType.split('/');
  const short = sub.toUpperCase();
  const plain = top === topOf(property) && /^[A-Z0-9][A-Z0-9.+-]*$/.test(short) && !short.startsWith('X-');
  return plain && mediaTypeOf(property, short) === mediaType ? short : mediaType;
}

/** 3.0 TYPE value → 4.0 media type, per property: "JPEG" on PHOTO → "image/jpeg". */
export function mediaTypeOf(property: string, type: string | undefined): string {
  if (type === undefined || type === '') return UNKNOWN_MEDIA_TYPE;
  if (type.includes('/')) return type.toLowerCase();
  const upper = type.toUpperCase();
  for (const [media, v3] of Object.entries(KEY_TYPES)) if (v3 === upper) return media;
  return `${topOf(property)}/${type.toLowerCase()}`;
}

/** Names the properties that may carry inline binary data in either version. */
export const BINARY_PROPERTIES = new Set(['PHOTO', 'LOGO', 'SOUND', 'KEY']);
