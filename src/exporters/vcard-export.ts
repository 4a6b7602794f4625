// One .vcf file from the mirror's cards, for Google Contacts, iCloud, Outlook and Thunderbird.
//
// Each card is written from its original text by convertCard (vcard-convert.ts): as stored when
// it is already in the target version, otherwise with only the lines the target requires
// rewritten, so X- properties, groups ("item1.EMAIL"), photos and labels pass through untouched.
// Default target: vCard 3.0, the version all four importers read.
//
// What the export summary shows comes back with the text:
//   count              cards written;
//   converted          of those, cards whose text had to change (another version, vCard 2.1
//                      habits, a missing VERSION or FN added);
//   keptAsExtension    property name → how many such properties the target version has no
//                      equivalent for and were kept under an x-name (e.g. { GENDER: 2 } in a
//                      3.0 file: written as X-GENDER, readable again in a 4.0 export);
//   skipped            cards left out, each with its index in `cards` and the reason.
//
// Cards are checked only structurally (read-card.ts: BEGIN/END, every line NAME…:value), not
// with ical.js, which would cost ~13 µs a card; a card that fails is left out and reported in
// `skipped`. The stored text of a card is never changed by any of this.
import { convertCard, type VcfVersion } from './vcard-convert';
import { crlfAfterEach, withText, type WithText } from './text-parts';

export type { VcfVersion } from './vcard-convert';

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

export interface VcfParts {
  /** The whole .vcf in order (`text` joins them): CRLF line endings, ends with a CRLF (none when no card was written). */
  parts: string[];
  /** Cards written. */
  count: number;
  /** Cards written whose text differs from the stored text (beyond line endings and folding). */
  converted: number;
  /** Upper-case property name → number of such properties written under an x-name. */
  keptAsExtension: Record<string, number>;
  /** Cards written with at least one property kept under an x-name (what the summary counts). */
  cardsWithExtensions: number;
  skipped: SkippedCard[];
}

export type VcfExport = WithText<VcfParts>;

/** Builds one .vcf from the cards' original texts. Never throws. */
export function exportVcf(cards: readonly string[], options: VcfExportOptions = {}): VcfExport {
  const target = options.version ?? '3.0';
  const out: string[] = [];
  const skipped: SkippedCard[] = [];
  const keptAsExtension: Record<string, number> = {};
  let converted = 0;
  let cardsWithExtensions = 0;
  cards.forEach((raw, index) => {
    const card = convertCard({ raw, target });
    if (!card.ok) {
      skipped.push({ index, reason: card.reason });
      return;
    }
    // One string per card: the per-line strings then die young instead of filling `out`, and
    // the file is a Blob of these parts, never one string.
    out.push(card.text);
    if (card.converted) converted++;
    for (const name of card.keptAsExtension) keptAsExtension[name] = (keptAsExtension[name] ?? 0) + 1;
    if (card.keptAsExtension.length > 0) cardsWithExtensions++;
  });
  return withText({ parts: crlfAfterEach(out), count: cards.length - skipped.length, converted, keptAsExtension, cardsWithExtensions, skipped });
}
