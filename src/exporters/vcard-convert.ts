// One card in the version a .vcf file asks for, and what that took. The card's stored text is
// never changed; this builds the text a file gets:
//   - a card already in the target version is its stored text (CRLF line endings, long lines
//     folded, blank lines dropped): `converted: false`;
//   - otherwise only the lines the target version requires are re-serialised (vcard4-to-3.ts,
//     vcard3-to-4.ts, cards/legacy-vcard.ts for vCard 2.1 habits); the others keep their
//     exact physical text. A card without VERSION gets "VERSION:3.0" (RFC 2426 §3.6.9 requires
//     it) and one without FN gets one named as the listing names it: `converted: true`.
//   - `keptAsExtension` names each property (by its name in the card) that the target version
//     has no equivalent for and that was therefore kept under an x-name, once per property:
//     a 4.0 GENDER in a 3.0 file is "X-GENDER", and the export summary says so.
import { deriveCardFields } from '../cards/derive-card-fields';
import { legacyRewrite, needsLegacyRewrite } from '../cards/legacy-vcard';
import { NO_NAME } from '../cards/pick-fields';
import { readCard, type ReadCard } from '../cards/read-card';
import { composeRewrites, rewriteCard, simpleLine, type LineRewrite } from '../cards/rewrite-card';
import { escapeText } from '../cards/text-values';
import { foldLine } from '../shared/fold-line';
import { copyAsIs, plainCardVersion } from './plain-card';
import { vcard3To4 } from './vcard3-to-4';
import { vcard4To3 } from './vcard4-to-3';

export type VcfVersion = '3.0' | '4.0';

export type CardConversion =
  | { ok: true; text: string; converted: boolean; keptAsExtension: string[] }
  /** `reason`: a short sentence for a person, from the structural check (read-card.ts). */
  | { ok: false; reason: string };

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

const LEGACY_ENCODING = /^(quoted-printable|8bit|7bit)$/i;

/**
 * Whether the card's only vCard 2.1 habit is CHARSET=UTF-8, which says what the text already is
 * (RFC 6350 §3.1, RFC 2426 §4: vCards are UTF-8 text). Such a card needs no rewrite in a file of
 * its own version: the legacy rewrite would drop the parameter and join TYPE lists, and the card
 * would no longer be what the server served (Thunderbird's cards carry it on every line).
 */
function onlyUtf8Charset(card: ReadCard): boolean {
  return card.lines.every(({ line }) =>
    line.params.every((p) => {
      if (p.values === null) return false;
      const name = p.name.toUpperCase();
      if (name === 'ENCODING') return !p.values.some((v) => LEGACY_ENCODING.test(v));
      return name !== 'CHARSET' || (p.values.length === 1 && p.values[0]!.trim().toUpperCase() === 'UTF-8');
    }),
  );
}

/** The rewrite that takes `card` to `target`, or `null` when the card is copied as it is. */
function rewriteFor(raw: string, card: ReadCard, target: VcfVersion): LineRewrite | null {
  const steps: LineRewrite[] = [];
  if (needsLegacyRewrite(card) && !(card.version === target && onlyUtf8Charset(card))) steps.push(legacyRewrite(card.version === '2.1'));
  if (target === '3.0' && card.version === '4.0') steps.push(vcard4To3);
  else if (target === '4.0' && card.version !== '4.0') steps.push(vcard3To4());
  else if (target === '3.0' && !card.hasVersion) steps.push(addVersion3);
  if (!card.lines.some((l) => l.line.upperName === 'FN')) steps.push(addFn(raw));
  return steps.length === 0 ? null : steps.reduce(composeRewrites);
}

/**
 * Wraps `rewrite` to note what it did: whether it changed any line, and the name of each line
 * it gave an x-name that the line did not have.
 */
function tracked(rewrite: LineRewrite): { rewrite: LineRewrite; changed: () => boolean; keptAsExtension: string[] } {
  const keptAsExtension: string[] = [];
  let changed = false;
  const wrapped: LineRewrite = (line, index) => {
    const out = rewrite(line, index);
    if (out === null) return null;
    changed = true;
    if (!line.upperName.startsWith('X-') && out.some((l) => l.upperName.startsWith('X-'))) keptAsExtension.push(line.upperName);
    return out;
  };
  return { rewrite: wrapped, changed: () => changed, keptAsExtension };
}

/** Converts one card's stored text for a file in `target`. Never throws. */
export function convertCard(params: { raw: string; target: VcfVersion }): CardConversion {
  const { raw, target } = params;
  if (plainCardVersion(raw) === target) return { ok: true, text: copyAsIs(raw), converted: false, keptAsExtension: [] };
  const read = readCard(raw);
  if (!read.ok) return read;
  const rewrite = rewriteFor(raw, read.card, target);
  if (rewrite === null) {
    return { ok: true, text: rewriteCard(read.card, null).map(foldLine).join('\r\n'), converted: false, keptAsExtension: [] };
  }
  const run = tracked(rewrite);
  const text = rewriteCard(read.card, run.rewrite).map(foldLine).join('\r\n');
  return { ok: true, text, converted: run.changed(), keptAsExtension: run.keptAsExtension };
}
