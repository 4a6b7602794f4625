// Test vCards and events. Cards are written in the exact form Radicale's vobject would
// serialise them (properties VERSION, UID, then A–Z; lines folded the vobject way), because
// Radicale re-serialises every item it serves: only canonical text comes back byte-identical.
// They carry what breaks naive clients: non-ASCII (2- and 3-byte UTF-8) on folded lines, XML
// specials (& < >), escaped commas, CRLF line ends.
import type { SeedItem } from './seed-types';

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/**
 * RFC 6350 §3.2 folding as vobject does it: a line of 75 characters or more is cut before any
 * character that would take it past 75 octets; continuation lines start with one space.
 */
export function foldLine(line: string): string {
  const chars = [...line];
  if (chars.length < 75) return `${line}\r\n`;
  let out = '';
  let octets = 0;
  for (const ch of chars) {
    const size = utf8Length(ch.codePointAt(0) ?? 0);
    if (octets + size > 75) {
      out += '\r\n ';
      octets = 1;
    }
    out += ch;
    octets += size;
  }
  return `${out}\r\n`;
}

export const pad = (n: number): string => String(n).padStart(4, '0');

/** A content line's property name, without its group (`item1.EMAIL` sorts as EMAIL). */
function propertyName(line: string): string {
  return (/^(?:[\w-]+\.)?([\w-]+)/.exec(line)?.[1] ?? line).toUpperCase();
}

/**
 * `extraLines` (PHOTO, CATEGORIES, ORG, grouped properties…) join the card's own properties in
 * vobject's A–Z order, so richer cards stay canonical too.
 */
export function makeCard(index: number, revision = 0, extraLines: string[] = []): SeedItem {
  const id = pad(index);
  const properties = [
    `EMAIL;TYPE=INTERNET:person${id}@example.org`,
    `FN:Zoë Ærøskøbing ${id}`,
    `N:Ærøskøbing ${id};Zoë;;;`,
    `NOTE:Revision ${revision}. Zoë wrote a long note with ünïcödé – “quotes” & <angle> brackets\\, ` +
      `日本語のテキスト and enough words to be folded over several lines for card ${id}.`,
    `TEL;TYPE=CELL:+1 555 ${id}`,
    ...extraLines,
  ];
  // Array.prototype.sort is stable: lines of one property keep their order.
  properties.sort((a, b) => (propertyName(a) < propertyName(b) ? -1 : propertyName(a) > propertyName(b) ? 1 : 0));
  const lines = ['BEGIN:VCARD', 'VERSION:3.0', `UID:lifeboat-card-${id}`, ...properties, 'END:VCARD'];
  return { name: `card-${id}.vcf`, data: lines.map(foldLine).join('') };
}

export function makeCards(count: number, first = 1): SeedItem[] {
  return Array.from({ length: count }, (_, i) => makeCard(first + i));
}
