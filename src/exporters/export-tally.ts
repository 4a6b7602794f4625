// What an export did with each item, for the summary a person reads: written (and of those,
// converted to the file's vCard version), kept exactly as served (a whole object no reader or
// converter could take: copied as it is, RFC 6350 §3.3 "1*vcard", RFC 5545 §3.4 "1*icalobject"),
// or left out (a text cut short, which would break the file around it).
import { isCompleteObject } from './complete-object';

export interface ExportItem {
  title: string;
  raw: string;
  /** Why the reader refused the text when it was stored, if it did. */
  unreadable?: string | undefined;
}

export interface ExportTally {
  /** Items the format's builder should write. */
  toBuild: number[];
  /** Indexes of items copied after the built text, as served. */
  keptAsServed: number[];
  skipped: Array<{ index: number; reason: string }>;
}

export const CUT_SHORT = 'Its text is incomplete (it does not end with its END line), so it would break the file; it stays in the mirror as served.';

/** Unreadable items never reach the builder: a whole one is kept as served, a cut one left out. */
export function sortForExport(items: readonly ExportItem[]): ExportTally {
  const tally: ExportTally = { toBuild: [], keptAsServed: [], skipped: [] };
  items.forEach((item, index) => {
    if (item.unreadable === undefined) tally.toBuild.push(index);
    else if (isCompleteObject(item.raw)) tally.keptAsServed.push(index);
    else tally.skipped.push({ index, reason: `${item.unreadable} ${CUT_SHORT}` });
  });
  return tally;
}

/** Items the builder refused: whole ones are kept as served too; only cut ones are left out. */
export function keepRefused(tally: ExportTally, items: readonly ExportItem[], refused: ReadonlyArray<{ index: number; reason: string }>): void {
  for (const { index: built, reason } of refused) {
    const index = tally.toBuild[built]!;
    if (isCompleteObject(items[index]!.raw)) tally.keptAsServed.push(index);
    else tally.skipped.push({ index, reason: `${reason} ${CUT_SHORT}` });
  }
}

/** The texts appended after the built file, each as served and ending with a line break. */
export function servedTexts(items: readonly ExportItem[], indexes: readonly number[]): string {
  return indexes
    .map((index) => items[index]!.raw.replace(/^\uFEFF/, ''))
    .map((raw) => (/\r?\n$/.test(raw) ? raw : `${raw}\r\n`))
    .join('');
}

const VERSION = /^VERSION:[ \t]*([^\r\n]*?)[ \t]*\r?$/im;

/**
 * How many written cards the export converted, by the version they were served in: "converted"
 * is "served VERSION differs from the file's" (a card without VERSION counts under "").
 */
export function convertedCards(items: readonly ExportItem[], written: readonly number[], target: string): Record<string, number> {
  const from: Record<string, number> = {};
  for (const index of written) {
    const served = VERSION.exec(items[index]!.raw)?.[1] ?? '';
    if (served !== target) from[served] = (from[served] ?? 0) + 1;
  }
  return from;
}
