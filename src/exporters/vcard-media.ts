// Inline binary values: vCard 3.0 writes "PHOTO;ENCODING=b;TYPE=JPEG:<base64>" (RFC 2426
// §3.1.4, §5.8 of RFC 2425 for "b"); vCard 4.0 writes "PHOTO:data:image/jpeg;base64,<base64>"
// (RFC 6350 §6.2.4, data: URIs per RFC 2397).

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

/** Splits a data: URI; `null` when the value is not one. */
export function parseDataUri(value: string): InlineData | null {
  const match = /^data:([^,]*),(.*)$/is.exec(value.trim());
  if (match === null) return null;
  const meta = (match[1] ?? '').split(';');
  const data = match[2] ?? '';
  const isBase64 = meta.some((m) => m.toLowerCase() === 'base64');
  const mediaType = meta[0] !== undefined && meta[0].includes('/') ? meta[0].toLowerCase() : 'text/plain';
  return { mediaType, base64: isBase64 ? data.replace(/\s+/g, '') : percentDecodedBase64(data) };
}

const KEY_TYPES: Record<string, string> = { 'application/pgp-keys': 'PGP', 'application/pkix-cert': 'X509' };

/** 4.0 media type → 3.0 TYPE value: "image/jpeg" → "JPEG" (what iCloud and Google write). */
export function v3TypeOf(mediaType: string): string {
  const known = KEY_TYPES[mediaType];
  if (known !== undefined) return known;
  const sub = mediaType.split('/')[1] ?? mediaType;
  return sub.replace(/^x-/, '').toUpperCase();
}

/** 3.0 TYPE value → 4.0 media type, per property: "JPEG" on PHOTO → "image/jpeg". */
export function mediaTypeOf(property: string, type: string | undefined): string {
  if (type === undefined || type === '') return 'application/octet-stream';
  if (type.includes('/')) return type.toLowerCase();
  const upper = type.toUpperCase();
  for (const [media, v3] of Object.entries(KEY_TYPES)) if (v3 === upper) return media;
  const top = property === 'SOUND' ? 'audio' : property === 'KEY' ? 'application' : 'image';
  return `${top}/${type.toLowerCase()}`;
}

/** Names the properties that may carry inline binary data in either version. */
export const BINARY_PROPERTIES = new Set(['PHOTO', 'LOGO', 'SOUND', 'KEY']);
