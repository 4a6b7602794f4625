// Which function to call:
//   parseCard(raw)  → the ical.js component; THROWS CardParseError (for code that wants the model).
//   checkCard(raw)  → { ok: true, fields, version } | { ok: false, reason }; never throws.
//                     The sync engine calls this: on `ok: false` it records `reason` and skips.
//   deriveCardFields(raw) (derive-card-fields.ts) → CardFields; never throws, best effort even
//                     for a broken card (for listing whatever the mirror holds).
import ICAL from 'ical.js';
import type { CardFields } from './card-fields';
import { fieldsFromComponent } from './pick-fields';
import { readCard, type ReadCard, type VcardVersion } from './read-card';
import { legacyRewrite, needsLegacyRewrite } from './legacy-vcard';
import { rewriteCard } from './rewrite-card';

/** A card that cannot be read. `message` is a short sentence a person can act on. */
export class CardParseError extends Error {
  override name = 'CardParseError';
}

export interface ParsedCard {
  component: ICAL.Component;
  /** The version the card declares (2.1 cards are read through a rewrite to 3.0). */
  version: VcardVersion;
}

export type CardCheck =
  | { ok: true; fields: CardFields; version: VcardVersion }
  | { ok: false; reason: string };

/** The text ical.js can read: the card itself, or its 2.1 → 3.0 rewrite. */
function readableText(card: ReadCard): string {
  const rewrite = needsLegacyRewrite(card) ? legacyRewrite(card.version === '2.1') : null;
  return rewriteCard(card, rewrite).join('\r\n');
}

/** Parses one card with ical.js. Throws CardParseError with a person-readable message. */
export function parseCard(raw: string): ParsedCard {
  const read = readCard(raw);
  if (!read.ok) throw new CardParseError(read.reason);
  let jcal: unknown;
  try {
    jcal = ICAL.parse(readableText(read.card));
  } catch (e) {
    // ical.js messages quote the whole line, which can be a 300 KB photo: keep the start.
    const detail = e instanceof Error ? e.message.slice(0, 80) : 'unknown error';
    throw new CardParseError(`The vCard parser could not read it (${detail}).`);
  }
  if (!Array.isArray(jcal) || jcal[0] !== 'vcard') {
    throw new CardParseError('Not a vCard: it does not start with BEGIN:VCARD.');
  }
  return { component: new ICAL.Component(jcal), version: read.card.version };
}

/** Parses and derives the fields, or says why it could not. Never throws. */
export function checkCard(raw: string): CardCheck {
  try {
    const { component, version } = parseCard(raw);
    return { ok: true, fields: fieldsFromComponent(component), version };
  } catch (e) {
    if (e instanceof CardParseError) return { ok: false, reason: e.message };
    return { ok: false, reason: 'The card could not be read.' };
  }
}
