// The items the contract writes upstream: each names its label (FN or SUMMARY) so the suite can
// tell which href is which, and carries what breaks naive clients: non-ASCII on folded lines,
// XML specials, CRLF. Cards are in the canonical form Radicale re-serialises to (VERSION, UID,
// then A–Z; sample-items.ts says why), so "byte-exact" is testable there too.
import { foldLine } from '../harness/sample-items';

const NOTE = 'Zoë’s note with ünïcödé – “quotes” & <angle> brackets\\, 日本語のテキスト, long enough to be folded over several lines';

export function contractCard(n: number, label: string): string {
  const lines = ['BEGIN:VCARD', 'VERSION:3.0', `UID:contract-card-${n}`, `FN:${label}`, `N:${label};;;;`, `NOTE:${NOTE}`, 'END:VCARD'];
  return lines.map(foldLine).join('');
}

/** One VEVENT's lines (a feed holds many; a CalDAV object wraps one in a VCALENDAR). */
export function contractEventLines(n: number, label: string): string[] {
  const day = String((n % 28) + 1).padStart(2, '0');
  return ['BEGIN:VEVENT', `UID:contract-event-${n}`, 'DTSTAMP:20250101T000000Z', `DTSTART:202504${day}T090000Z`, `DTEND:202504${day}T100000Z`, `DESCRIPTION:${NOTE}`, `SUMMARY:${label}`, 'END:VEVENT'];
}

export function contractEvent(n: number, label: string): string {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Lifeboat//Contract//EN', ...contractEventLines(n, label), 'END:VCALENDAR'].map(foldLine).join('');
}

/** The label of the nth item at a revision: short, so that no fold splits it. */
export const labelOf = (n: number, revision = 1): string => `Contract ${n}.${revision}`;

/** An item's text with its folds undone (RFC 6350 §3.2, RFC 5545 §3.1), to find a label in. */
export const unfolded = (text: string): string => text.replace(/\r?\n[ \t]/g, '');
