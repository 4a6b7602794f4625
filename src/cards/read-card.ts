// The structural check every card goes through before anything reads it: one BEGIN:VCARD …
// END:VCARD block (RFC 6350 §6.1.1–6.1.2) whose every line is a content line (§3.3).
// Cheap (no value is interpreted), so the exporter can run it on 10,000 cards; check-card.ts
// adds ical.js on top for the sync engine.
import { splitCard, type LogicalLine } from './card-lines';
import { parseContentLine, type CardParam, type ContentLine } from './content-line';

export type VcardVersion = '2.1' | '3.0' | '4.0';

export interface CardLine extends LogicalLine {
  line: ContentLine;
}

export interface ReadCard {
  /** From the VERSION property; a card without one is read as 3.0 (RFC 2426 requires it). */
  version: VcardVersion;
  hasVersion: boolean;
  /** Some line has a vCard 2.1 parameter: bare ("TEL;CELL"), CHARSET, or quoted-printable. */
  hasLegacyParams: boolean;
  physical: string[];
  lines: CardLine[];
}

export type ReadCardResult = { ok: true; card: ReadCard } | { ok: false; reason: string };

function versionOf(value: string): VcardVersion {
  const v = value.trim();
  if (v.startsWith('4')) return '4.0';
  // 2.1 files from old phones sometimes say 2.0 or 1.0; all use the same legacy syntax.
  if (v.startsWith('2') || v.startsWith('1')) return '2.1';
  return '3.0';
}

function isLegacyParam(p: CardParam): boolean {
  if (p.values === null) return true;
  const name = p.name.length === 7 || p.name.length === 8 ? p.name.toUpperCase() : '';
  if (name === 'CHARSET') return true;
  return name === 'ENCODING' && p.values.some((v) => /^(quoted-printable|8bit|7bit)$/i.test(v));
}

function isVcardMarker(line: ContentLine, name: 'BEGIN' | 'END'): boolean {
  return line.upperName === name && line.value.trim().toUpperCase() === 'VCARD';
}

/** Reads one card's text. Never throws; `reason` is a short sentence for a person. */
export function readCard(raw: string): ReadCardResult {
  const { physical, logical } = splitCard(raw);
  if (logical.length === 0) return { ok: false, reason: 'The card is empty.' };
  const lines: CardLine[] = [];
  let depth = 0;
  let version: VcardVersion = '3.0';
  let hasVersion = false;
  let hasLegacyParams = false;
  for (const l of logical) {
    const line = parseContentLine(l.text);
    if (line === null) {
      if (lines.length === 0) return { ok: false, reason: 'Not a vCard: it does not start with BEGIN:VCARD.' };
      return { ok: false, reason: `Line ${l.first + 1} is not a valid vCard property (NAME:value).` };
    }
    if (depth === 0 && lines.length > 0) {
      return isVcardMarker(line, 'BEGIN')
        ? { ok: false, reason: 'More than one card in one item.' }
        : { ok: false, reason: `Unexpected text after END:VCARD (line ${l.first + 1}).` };
    }
    if (lines.length === 0 && !isVcardMarker(line, 'BEGIN')) {
      return line.upperName === 'BEGIN' && line.value.trim().toUpperCase() === 'VCALENDAR'
        ? { ok: false, reason: 'This is a calendar item (BEGIN:VCALENDAR), not a vCard.' }
        : { ok: false, reason: 'Not a vCard: it does not start with BEGIN:VCARD.' };
    }
    // vCard 2.1 nests a card inside AGENT; count depth so its END does not end the outer card.
    if (isVcardMarker(line, 'BEGIN')) depth++;
    else if (isVcardMarker(line, 'END')) depth--;
    else if (line.upperName === 'END' || line.upperName === 'BEGIN') {
      return { ok: false, reason: `Line ${l.first + 1} opens or closes something other than a vCard.` };
    } else if (depth === 1 && !hasVersion && line.upperName === 'VERSION') {
      hasVersion = true;
      version = versionOf(line.value);
    }
    if (!hasLegacyParams && line.params.length > 0) hasLegacyParams = line.params.some(isLegacyParam);
    lines.push({ text: l.text, first: l.first, count: l.count, line });
  }
  if (depth > 0) return { ok: false, reason: 'The card is cut short: END:VCARD is missing.' };
  return { ok: true, card: { version, hasVersion, hasLegacyParams, physical, lines } };
}
