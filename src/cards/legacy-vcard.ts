// vCard 2.1 (IMC, 1996) → vCard 3.0 (RFC 2426), one line at a time. ical.js and most importers
// (iCloud among them) do not read 2.1: bare parameters ("TEL;WORK;VOICE"), quoted-printable
// values and CHARSET. The same fixes apply to 3.0 cards that carry these 2.1 habits.
import type { CardParam } from './content-line';
import type { LineRewrite } from './rewrite-card';
import type { ReadCard } from './read-card';
import { escapeLegacyText, escapeNewlines } from './text-values';

// Values that are not TEXT (RFC 2426 §3: binary, uri, date, utc-offset, float): never escaped.
const NOT_TEXT = new Set(['PHOTO', 'LOGO', 'SOUND', 'KEY', 'URL', 'GEO', 'TZ', 'BDAY', 'REV', 'AGENT', 'UID']);

function decodeQuotedPrintable(value: string, charset: string): string {
  const bytes: number[] = [];
  const utf8 = new TextEncoder();
  for (let i = 0; i < value.length; i++) {
    const c = value[i] ?? '';
    if (c === '=' && value[i + 1] === '\n') {
      i++; // soft line break (joined by splitCard)
    } else if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(value.slice(i + 1, i + 3))) {
      bytes.push(parseInt(value.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...utf8.encode(c));
    }
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    decoder = new TextDecoder('utf-8'); // an unknown CHARSET label: UTF-8 is the likeliest
  }
  return decoder.decode(new Uint8Array(bytes));
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
    let charset = 'utf-8';
    let changed = false;
    for (const p of line.params) {
      const upper = p.name.toUpperCase();
      const values = p.values ?? [p.name];
      if (p.values === null || upper === 'ENCODING' || upper === 'CHARSET') changed = true;
      if (upper === 'CHARSET') charset = values[0] ?? charset;
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
      } else params.push(p);
    }
    if (types.length > 0) params.unshift({ name: 'TYPE', values: types });
    if (b64) params.push({ name: 'ENCODING', values: ['b'] });
    let value = line.value;
    if (qp) value = decodeQuotedPrintable(value, charset);
    const isText = !NOT_TEXT.has(line.upperName) && !b64;
    if (isText && v21) value = escapeLegacyText(value);
    else if (isText && qp) value = escapeNewlines(value);
    else if (b64) value = value.replace(/\s+/g, '');
    if (!changed && value === line.value) return null;
    return [{ ...line, params, value }];
  };
}
