// The export kept ready: the account-wide .vcf or .ics joined from its pages (keep-pages.ts) as a
// Blob of Blobs. In Chromium a Blob read from IndexedDB is a handle to a file and a Blob of such
// parts copies nothing (https://chromium.googlesource.com/chromium/src/+/HEAD/storage/browser/blob/README.md),
// so the click reads a few small records instead of every item. Byte for byte the file
// buildExport gives; the summary joins the pages' in the order buildExport lists them.
import type { LifeboatDb } from '../../db/schema';
import type { ExportKind, ExportParams, ExportResult } from '../../model/export';
import type { ExportPageRecord } from '../../db/export-pages/page-records';
import { EXPORT_FORMATS } from '../build-export';
import { exportFileName } from '../file-names';
import { freshPages } from './keep-pages';
import { READY_VCARD_VERSION } from './page-build';

export interface ReadyExport {
  blob: Blob;
  result: ExportResult;
}

/** Only the export the pages hold: everything live now, every account, vCard 3.0. */
export function pagesCover(kind: ExportKind, params: ExportParams): boolean {
  const { asOf, includeDeletedUpstream, collectionId, itemIds, vcardVersion } = params;
  const otherVersion = kind === 'contacts' && vcardVersion !== undefined && vcardVersion !== READY_VCARD_VERSION;
  return asOf === undefined && !includeDeletedUpstream && collectionId === undefined && itemIds === undefined && !otherVersion;
}

function sumInto(into: Record<string, number>, from: Record<string, number>): Record<string, number> {
  for (const [key, by] of Object.entries(from)) into[key] = (into[key] ?? 0) + by;
  return into;
}

export function joinPages(kind: ExportKind, pages: readonly ExportPageRecord[], now: Date): ReadyExport {
  const format = EXPORT_FORMATS[kind];
  const served = [...pages.flatMap((page) => page.servedUnreadable), ...pages.flatMap((page) => page.servedRefused)];
  const written = pages.reduce((sum, page) => sum + page.written, 0);
  const withExtensions = pages.reduce((sum, page) => sum + page.cardsWithExtensions, 0);
  const blob = new Blob([...pages.map((page) => page.bytes!), served.join('')], { type: format.mimeType });
  const result: ExportResult = {
    fileName: exportFileName(kind, now, format.ext, { asOf: false }),
    kind,
    count: written + served.length,
    ...(kind === 'contacts' ? { version: READY_VCARD_VERSION, convertedFrom: pages.reduce((sum, page) => sumInto(sum, page.convertedFrom), {}) } : {}),
    keptAsServed: served.length,
    ...(withExtensions ? { keptAsExtension: withExtensions } : {}),
    skipped: [...pages.flatMap((page) => page.skippedUnreadable), ...pages.flatMap((page) => page.skippedRefused)],
  };
  return { blob, result };
}

/** The ready export, its stale pages rebuilt first; null when the pages cannot serve it. */
export async function readyExport(db: LifeboatDb, kind: ExportKind, params: ExportParams, now: Date): Promise<ReadyExport | null> {
  if (!pagesCover(kind, params)) return null;
  // No layout yet: the live build is no slower than a first build of the pages, which the
  // caller starts afterwards, off the click.
  if (!(await db.exportLayouts.get(kind))) return null;
  try {
    return joinPages(kind, await freshPages(db, kind), now);
  } catch {
    // A page that could not be rebuilt (storage full) stays stale; the live build serves.
    return null;
  }
}
