// An export kept ready (schema v9): the account-wide .vcf and .ics split into pages of ready
// UTF-8 bytes, each a contiguous run of the export's order (name, then id). A write to an item
// makes its page stale in the write's own transaction (stale-pages-middleware.ts), so a stale
// page is never served; a page is rebuilt from the ids it lists (exporters/ready/).
import type { ExportKind } from '../../model/export';

/** Where each page of one export begins; one record per export kind. */
export interface ExportLayoutRecord {
  kind: ExportKind;
  /** The first sort key of pages 1…n-1 (page 0 begins before any key), in order. */
  bounds: Array<SortKey>;
  /** The collator's locale the order was made with: another one reorders, so nothing is served. */
  locale: string;
  /**
   * The accounts the pages were built over, sorted (the live export reads the items of existing
   * accounts): another set builds every page again. Absent in layouts of earlier versions, which
   * are built again once.
   */
  accounts?: string[];
}

/** An item's place in the export's order: its title, then its id. */
export type SortKey = [title: string, id: string];

export interface SkippedEntry {
  title: string;
  reason: string;
}

/**
 * What one page adds to the file and to its summary. The live build lists items kept as served
 * and items left out in two runs each (those the reader refused when storing them, then those the
 * builder refused): the page keeps each run apart so the pages join in the same order.
 */
export interface PageContent {
  /** The built text of the page's items, ready bytes (absent while stale). */
  bytes?: Blob;
  written: number;
  cardsWithExtensions: number;
  convertedFrom: Record<string, number>;
  servedUnreadable: string[];
  servedRefused: string[];
  skippedUnreadable: SkippedEntry[];
  skippedRefused: SkippedEntry[];
}

export interface ExportPageRecord extends PageContent {
  /** `${kind}:${n}`. */
  id: string;
  kind: ExportKind;
  n: number;
  /** The items the page holds, whatever their order. */
  ids: string[];
  stale: boolean;
  /** Bytes of the page's Blob, for the storage estimate. */
  size: number;
}

export function pageId(kind: ExportKind, n: number): string {
  return `${kind}:${String(n).padStart(5, '0')}`;
}
