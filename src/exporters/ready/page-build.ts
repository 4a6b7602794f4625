// One page of a ready export, built exactly as buildExport (build-export.ts) builds the whole
// file from the same items: the same tally, the same builder, the same order. The account-wide
// export names no collection (so the calendar is "Lifeboat") and writes vCard 3.0.
import type { ExportKind } from '../../model/export';
import type { SelectedItem } from '../../db/export-selection';
import type { PageContent } from '../../db/export-pages/page-records';
import { buildItems } from '../build-export';
import { convertedCards, servedTexts } from '../export-tally';

export const READY_VCARD_VERSION = '3.0';

export function buildPage(kind: ExportKind, items: readonly SelectedItem[]): { parts: string[]; content: Omit<PageContent, 'bytes'> } {
  const { tally, built, written, refusedWhenStored } = buildItems(kind, items, { label: undefined, vcardVersion: undefined });
  const served = (indexes: number[]) => indexes.map((index) => servedTexts(items, [index]));
  const skipped = (entries: typeof tally.skipped) => entries.map(({ index, reason }) => ({ title: items[index]?.title ?? '', reason }));
  return {
    parts: built.parts,
    content: {
      written: written.length,
      cardsWithExtensions: built.cardsWithExtensions ?? 0,
      convertedFrom: kind === 'contacts' ? convertedCards(items, written, READY_VCARD_VERSION) : {},
      servedUnreadable: served(tally.keptAsServed.slice(0, refusedWhenStored.served)),
      servedRefused: served(tally.keptAsServed.slice(refusedWhenStored.served)),
      skippedUnreadable: skipped(tally.skipped.slice(0, refusedWhenStored.skipped)),
      skippedRefused: skipped(tally.skipped.slice(refusedWhenStored.skipped)),
    },
  };
}
