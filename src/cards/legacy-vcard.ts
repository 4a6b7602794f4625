// vCard 2.1 (IMC, 1996) → vCard 3.0 (RFC 2426), one line at a time. ical.js and most importers
// (iCloud among them) do not read 2.1: bare parameters ("TEL;WORK;VOICE"), quoted-printable
// values and CHARSET. The same fixes apply to 3.0 cards that carry these 2.1 habits.
import type { CardParam } from './content-line';
import type { LineRewrite } from './rewrite-card';
import type { ReadCard } from './read-card';
import { escapeLegacyText, escapeNewlines, type LegacyShape } from './text-values';

// Values that are not TEXT (RFC 2426 §3: binary, uri, date, utc-offset, float, and TEL's
// phone-number, §3.3.1, where "," is a pause and ";ext=" part of the number): never escaped.
const NOT_TEXT = new Set(['PHOTO', 'LOGO', 'SOUND', 'KEY', 'URL', 'GEO', 'TZ', 'BDAY', 'REV', 'AGENT', 'UID', 'TEL']);
// 3.0 list values (RFC 2426 §3.6.1 CATEGORIES, §3.1.3 NICKNAME): "," separates values.
const LISTS = new Set(['CATEGORIES', 'NICKNAME']);

function shapeOf(upperName: string): LegacyShape {
  return LISTS.has(upperName) ? 'list' : 'text';
}

function decodeQuotedPrintable(value: string, charset: string | null): string {
  const bytes: number[] = [];
  const utf8 = new TextEncoder();
  // RFC 2045 §6.7 rule 3: white space at the end of an encoded line was added in transport
  // (a space is written "=20" when it is meant) and is deleted when decoding.
  value = value.replace(/[ \t]+(?=\n|$)/g, '');
  for (let i = 0; i < value.length; i++) {
    const c = value[i] ?? '';
    const soft = c === '=' ? /^[ \t]*(?:\n|$)/.exec(value.slice(i + 1, i + 80)) : null;
    if (soft !== null) {
      // A soft line break (RFC 2045 §6.7 rule 5, joined by splitCard as "=\n"), also as the
      // value's last character (Nokia ends an ADR with "=" and a blank line); transports may
      // have added spaces before the break (rule 3), which belong to no character.
      i += soft[0].length;
    } else if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(value.slice(i + 1, i + 3))) {
      bytes.push(parseInt(value.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      // Whole characters: an emoji is two code units, and one half alone would encode as U+FFFD.
      const char = String.fromCodePoint(value.codePointAt(i) ?? 0xfffd);
      bytes.push(...utf8.encode(char));
      i += char.length - 1;
    }
  }
  return decodeBytes(new Uint8Array(bytes), charset);
}

/**
 * Bytes in the CHARSET a line names. Without one, vCard 2.1 (§2.1.5) says ASCII, yet
 * Outlook and phones write 8-bit text in their own code page ("speci=E4l" in ical.js's tests):
 * UTF-8 when the bytes are UTF-8, else Windows-1252, which maps every byte to a character,
 * so no byte turns into U+FFFD. An unknown label is read the same way.
 */
function decodeBytes(bytes: Uint8Array, charset: string | null): string {
  if (charset !== null) {
    try {
      return new TextDecoder(charset).decode(bytes);
    } catch {
      // not a label TextDecoder knows: fall through
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** True when the card needs the 2.1 → 3.0 rewrite for ical.js or an importer to read it. */
export function needsLegacyRewrite(card: ReadCard): boolean {
  return card.version === '2.1' || card.hasLegacyParams;
}

/** The rewrite for one card. `v21`: values follow 2.1 escaping rules (not only its parameters). */
export function legacyRewrite(v21: boolean): LineRewrite {
  return (line) => {
    if (line.upperName === 'BEGIN' || line.upperName === 'END') return null;
    if (line.upperName === 'VERSION') return v21 ? [{ ...line, params: [], value: '3.0' }] : null;
    const types: string[] = [];
    const params: CardParam[] = [];
    let qp = false;
    let b64 = false;
    let uri = false; // VALUE=URL (2.1) or uri: a URI, whatever the property, is not TEXT
    let charset: string | null = null;
    let changed = false;
    for (const p of line.params) {
      const upper = p.name.toUpperCase();
      // A bare parameter is a TYPE value; "FAX,WORK" (Evolution's tests keep one) is two.
      const values = p.values ?? p.name.split(',').filter((v) => v !== '');
      if (p.values === null || upper === 'ENCODING' || upper === 'CHARSET') changed = true;
      if (upper === 'CHARSET') charset = values[0] ?? null;
      else if (p.values === null || upper === 'ENCODING' || upper === 'TYPE') {
        for (const v of values) {
          const u = v.toUpperCase();
          if (u === 'QUOTED-PRINTABLE') qp = true;
          else if (u === 'BASE64' || u === 'B') b64 = true;
          else if (u === '8BIT' || u === '7BIT') continue;
          else types.push(v);
        }
      } else if (upper === 'VALUE' && p.values.join().toUpperCase() === 'URL') {
        params.push({ name: p.name, values: ['uri'] }); // 2.1 "VALUE=URL" is 3.0 "VALUE=uri"
        changed = true;
        uri = true;
      } else {
        if (upper === 'VALUE' && p.values.join().toUpperCase() === 'URI') uri = true;
        params.push(p);
      }
    }
    if (types.length > 0) params.unshift({ name: 'TYPE', values: types });
    if (b64) params.push({ name: 'ENCODING', values: ['b'] });
    let value = line.value;
    if (qp) value = decodeQuotedPrintable(value, charset);
    const isText = !NOT_TEXT.has(line.upperName) && !b64 && !uri;
    if (isText && v21) value = escapeLegacyText(value, shapeOf(line.upperName));
    else if (isText && qp) value = escapeNewlines(value);
    else if (b64) value = value.replace(/\s+/g, '');
    if (!changed && value === line.value) return null;
    return [{ ...line, params, value }];
  };
}
