// The shortcut for the common case at 10,000 cards: a "plain" card (CRLF throughout, no vCard 2.1
// habits, VERSION and FN lines, every line readable by parseContentLine without unfolding) that is
// already in the target version is copied as stored, long lines folded, without splitting it
// into line objects (which costs more than the rest of the export). Anything this does not
// recognise goes the long way (read-card.ts), which also decides whether the card is valid at
// all; so "plain" only has to be stricter than read-card.ts, never looser.
import type { VcardVersion } from '../cards/read-card';
import { foldLine, mayHaveLongLine } from '../shared/fold-line';

// One content line, maybe folded: name (vobject's character set, RFC 6350 §3.3 plus "_"), then
// parameters exactly as parseContentLine reads them, unfolded; BEGIN and END lines excluded.
// vCard 2.1 parameters that need the legacy rewrite (CHARSET, a quoted-printable or 8bit/7bit
// ENCODING) are not plain: checked here, where parameters are, rather than by a second search
// of the whole text (which cost as much again, ~0.1 s for the bench's 10,000 contacts).
const VALUE = String.raw`(?:"[^"\r\n]*"|[^;:",\r\n]*)`;
const LEGACY_PARAM = String.raw`(?:charset=|encoding="?(?:quoted-printable|[78]bit))`;
const PARAM = String.raw`;(?!${LEGACY_PARAM})[^;:="\r\n]+=${VALUE}(?:,${VALUE})*`;
const LINE = String.raw`(?!(?:BEGIN|END)[;:])[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)?(?:${PARAM})*:[^\r\n]*(?:\r\n[ \t][^\r\n]*)*`;
const PLAIN_CARD = new RegExp(String.raw`^BEGIN:VCARD\r\n(?:${LINE}\r\n)+END:VCARD(?:\r\n)?$`, 'i');
const VERSION = /\r\nVERSION:([^\r\n]*)\r\n/i;
const FN = /\r\n(?:[A-Za-z0-9_-]+\.)?FN[;:]/i;
// Lines that might need folding: 26 code units or more (below that, even 3-octet characters fit).
// Anchored with ^ and the m flag so that the search does not restart at every character.
const MAYBE_LONG_LINE = /^[^\r\n]{26,}/gm;

/** The card's version when it is plain 3.0 or 4.0; `null` when it must go the long way. */
export function plainCardVersion(raw: string): VcardVersion | null {
  const value = VERSION.exec(raw)?.[1]?.trim();
  if (value !== '3.0' && value !== '4.0') return null;
  return FN.test(raw) && PLAIN_CARD.test(raw) ? value : null;
}

/** Folds the physical lines that are over 75 octets; every other character stays as it is. */
function foldLongLines(text: string): string {
  return mayHaveLongLine(text) ? text.replace(MAYBE_LONG_LINE, foldLine) : text;
}

/** A plain card as written, without its final CRLF, long lines folded. */
export function copyAsIs(raw: string): string {
  return foldLongLines(raw.endsWith('\r\n') ? raw.slice(0, -2) : raw);
}
