// Builds an export file's pieces from the mirror (a Blob is made of them, never one string). Runs wherever blob URLs can be made: the
// offscreen document in Chrome (a service worker has no URL.createObjectURL), the event page
// itself in Firefox. Both read the same database, so no large text crosses a message.
import type { LifeboatDb } from '../db/schema';
import type { ExportKind, ExportParams, ExportResult } from '../model/export';
import type { ItemKind } from '../model/item';
import { selectForExport, type SelectedItem } from '../db/export-selection';
import { exportVcf } from './vcard-export';
import { exportIcs } from './ical-export';
import { exportFileName } from './file-names';
import { convertedCards, keepRefused, servedTexts, sortForExport, type ExportTally } from './export-tally';
import { withText, type WithText } from './text-parts';
import { measurePhase, timedPhase } from '../shared/phase-times';

export interface BuiltExportParts extends ExportResult {
  /** The file's pieces in order, for a Blob made of parts (text-parts.ts); `text` joins them. */
  parts: string[];
  mimeType: string;
}

export type BuiltExport = WithText<BuiltExportParts>;

interface BuildOptions {
  /** Per text, whether the reader read it whole when it was stored (export-selection.ts). */
  readWhole: boolean[];
  /** The collection's name when one is exported: it names the calendar and the file. */
  label: string | undefined;
  vcardVersion: '3.0' | '4.0' | undefined;
}

interface Format {
  kinds: ItemKind[];
  ext: string;
  mimeType: string;
  build(texts: string[], options: BuildOptions): WithText<{ parts: string[]; skipped: Array<{ index: number; reason: string }>; cardsWithExtensions?: number }>;
}

export const EXPORT_FORMATS: Record<ExportKind, Format> = {
  contacts: {
    kinds: ['contact'],
    ext: 'vcf',
    mimeType: 'text/vcard;charset=utf-8',
    build: (texts, { vcardVersion }) => exportVcf(texts, vcardVersion ? { version: vcardVersion } : {}),
  },
  calendars: {
    kinds: ['event', 'task', 'journal'],
    ext: 'ics',
    mimeType: 'text/calendar;charset=utf-8',
    build: (texts, { label, readWhole }) => exportIcs(texts, { calendarName: label ?? 'Lifeboat', parsedWhenStored: readWhole }),
  },
};

export interface ItemsBuilt {
  /** What became of each item; `keptAsServed` and `skipped` list the reader's refusals first, then the builder's. */
  tally: ExportTally;
  built: ReturnType<Format['build']>;
  /** Indexes of the items written by the builder. */
  written: number[];
  /** How many of `keptAsServed` and `skipped` the reader refused (before the builder's). */
  refusedWhenStored: { served: number; skipped: number };
}

/**
 * The items built into the file's pieces, and the tally of what became of each. Shared by the
 * live build and the ready pages (exporters/ready/page-build.ts), so both give the same bytes.
 */
export function buildItems(kind: ExportKind, items: readonly SelectedItem[], options: Pick<BuildOptions, 'label' | 'vcardVersion'>): ItemsBuilt {
  const tally = sortForExport(items);
  const refusedWhenStored = { served: tally.keptAsServed.length, skipped: tally.skipped.length };
  const built = EXPORT_FORMATS[kind].build(
    tally.toBuild.map((index) => items[index]!.raw),
    { ...options, readWhole: tally.toBuild.map((index) => items[index]!.readWhole) },
  );
  keepRefused(tally, items, built.skipped);
  const refused = new Set(built.skipped.map(({ index }) => tally.toBuild[index]));
  return { tally, built, written: tally.toBuild.filter((index) => !refused.has(index)), refusedWhenStored };
}

export async function buildExport(db: LifeboatDb, kind: ExportKind, params: ExportParams, now: Date): Promise<BuiltExport> {
  const format = EXPORT_FORMATS[kind];
  const items: SelectedItem[] = await timedPhase('export-read', () => selectForExport(db, { kinds: format.kinds, ...params }));
  const label = params.collectionId ? (await db.collections.get(params.collectionId))?.displayName : undefined;
  // Never silently: an item that cannot be converted is copied as served when it is whole, and
  // named with its reason when it is not; the summary counts each way.
  const buildStart = performance.now();
  const { tally, built, written } = buildItems(kind, items, { label, vcardVersion: params.vcardVersion });
  measurePhase('export-build', buildStart);
  const asOf = params.asOf !== undefined;
  // A selection says so in its name, so it never passes for the whole address book.
  const fileLabel = params.itemIds ? 'selection' : label;
  const version = kind === 'contacts' ? (params.vcardVersion ?? '3.0') : undefined;
  return withText({
    parts: [...built.parts, servedTexts(items, tally.keptAsServed)],
    mimeType: format.mimeType,
    fileName: exportFileName(kind, asOf ? new Date(params.asOf!) : now, format.ext, { asOf, ...(fileLabel ? { label: fileLabel } : {}) }),
    kind,
    count: written.length + tally.keptAsServed.length,
    ...(version ? { version, convertedFrom: convertedCards(items, written, version) } : {}),
    keptAsServed: tally.keptAsServed.length,
    ...(built.cardsWithExtensions ? { keptAsExtension: built.cardsWithExtensions } : {}),
    skipped: tally.skipped.map(({ index, reason }) => ({ title: items[index]?.title ?? '', reason })),
  }, 'parts');
}
