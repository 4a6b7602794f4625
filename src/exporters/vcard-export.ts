// One .vcf file from the mirror's cards, for Google Contacts, iCloud, Outlook and Thunderbird.
//
// Each card is written from its original text: a line is re-serialised only when the target
// version requires it (see vcard4-to-3.ts, vcard3-to-4.ts, cards/legacy-vcard.ts), so X-
// properties, groups ("item1.EMAIL"), photos and labels pass through untouched. A card already
// in the target version comes out byte for byte as stored, except that:
//   - line endings become CRLF (RFC 6350 §3.2) and blank lines are dropped;
//   - physical lines over 75 octets are folded, never inside a UTF-8 character (fold-line.ts);
//   - a card without VERSION gets "VERSION:3.0" after BEGIN (RFC 2426 §3.6.9 requires it);
//   - a card without FN gets one after VERSION, named as the listing names it (see addFn).
// Default target: vCard 3.0, the version all four importers read.
//
// Cards are checked only structurally (read-card.ts: BEGIN/END, every line NAME…:value), not
// with ical.js, which would cost ~13 µs a card; a card that fails is left out and reported in
// `skipped` with its index in `cards`.
import { deriveCardFields } from '../cards/derive-card-fields';
import { legacyRewrite, needsLegacyRewrite } from '../cards/legacy-vcard';
import { readCard, type ReadCard } from '../cards/read-card';
import { escapeText } from '../cards/text-values';
import { NO_NAME } from '../cards/pick-fields';
import { composeRewrites, rewriteCard, simpleLine, type LineRewrite } from '../cards/rewrite-card';
import { foldLine } from './fold-line';
import { copyAsIs, plainCardVersion } from './plain-card';
import { vcard3To4 } from './vcard3-to-4';
import { vcard4To3 } from './vcard4-to-3';

export type VcfVersion = '3.0' | '4.0';

export interface VcfExportOptions {
  /** vCard version of the file; default '3.0'. */
  version?: VcfVersion;
}

export interface SkippedCard {
  /** Position in the `cards` argument. */
  index: number;
  /** A short sentence for a person, from the card check. */
  reason: string;
}

export interface VcfExport {
  /** The whole .vcf: CRLF line endings, ends with a CRLF (empty when no card was written). */
  text: string;
  /** Cards written. */
  count: number;
  skipped: SkippedCard[];
}

const addVersion3: LineRewrite = (line, index) => (index === 0 ? [line, simpleLine('VERSION', '3.0')] : null);

/**
 * FN is required (RFC 2426 §3.1.1, RFC 6350 §6.2.1: "1*"), and strict readers such as vobject
 * reject a card without it: add one, right after VERSION, named as the listing names the card.
 */
function addFn(raw: string): LineRewrite {
  const { fullName } = deriveCardFields(raw);
  let added = false;
  return (line) => {
    if (added || line.upperName !== 'VERSION') return null;
    added = true;
    return [line, simpleLine('FN', escapeText(fullName === NO_NAME ? '' : fullName))];
  };
}

/** The rewrite that takes `card` to `target`, or `null` when the card is copied as it is. */
function rewriteFor(raw: string, card: ReadCard, target: VcfVersion): LineRewrite | null {
  const steps: LineRewrite[] = [];
  if (needsLegacyRewrite(card)) steps.push(legacyRewrite(card.version === '2.1'));
  if (target === '3.0' && card.version === '4.0') steps.push(vcard4To3);
  else if (target === '4.0' && card.version !== '4.0') steps.push(vcard3To4);
  else if (target === '3.0' && !card.hasVersion) steps.push(addVersion3);
  if (!card.lines.some((l) => l.line.upperName === 'FN')) steps.push(addFn(raw));
  return steps.length === 0 ? null : steps.reduce(composeRewrites);
}

/** Builds one .vcf from the cards' original texts. Never throws. */
export function exportVcf(cards: readonly string[], options: VcfExportOptions = {}): VcfExport {
  const target = options.version ?? '3.0';
  const out: string[] = [];
  const skipped: SkippedCard[] = [];
  cards.forEach((raw, index) => {
    if (plainCardVersion(raw) === target) {
      out.push(copyAsIs(raw));
      return;
    }
    const read = readCard(raw);
    if (!read.ok) {
      skipped.push({ index, reason: read.reason });
      return;
    }
    // One string per card: the per-line strings then die young instead of filling `out`.
    out.push(rewriteCard(read.card, rewriteFor(raw, read.card, target)).map(foldLine).join('\r\n'));
  });
  // One join, ending in CRLF: concatenating afterwards would copy the whole text once more.
  if (out.length > 0) out.push('');
  return { text: out.join('\r\n'), count: cards.length - skipped.length, skipped };
}
