// Builds and rebuilds the pages of the exports kept ready (db/export-pages/). Each step runs in
// one read-write transaction over the items and the pages: the build is synchronous, so no write
// to an item can slip between reading the items and storing their page, and a step that fails
// (a full disk) stores nothing: the page stays stale, never half-written.
import type { LifeboatDb } from '../../db/schema';
import type { ExportKind } from '../../model/export';
import type { ItemRecord } from '../../model/item';
import { selectForExport, selectedItem, type SelectedItem } from '../../db/export-selection';
import { EXPORT_ITEM_KINDS, ORDER_LOCALE, compareForExport } from '../../db/export-pages/export-order';
import { pageId, type ExportLayoutRecord, type ExportPageRecord, type SortKey } from '../../db/export-pages/page-records';
import { buildPage } from './page-build';
import { timedPhase } from '../../shared/phase-times';

/**
 * At least about 1.5 MB of text a page: few records for IndexedDB to read at the click (Chromium's
 * cost is per record), yet a change rebuilds little. The .ics is one page: its VTIMEZONEs are
 * resolved across the whole file (a TZID two objects define differently is renamed in the
 * second), so a page of it could not be built on its own; its rebuild costs one build of the file.
 */
const PAGE_CHARS = 1_500_000;

/**
 * At most about this many pages, however large the export: a larger one gets larger pages. The
 * click hands the download one Blob of the pages' stored Blobs, and Chromium's download pays for
 * each part it reads from the database's files: an 82 MB .vcf took 301 ms from 54 stored pages
 * and 164 ms from one stored Blob (bench/download-floor.ts, in turns), about 2.6 ms a part. A change
 * then rebuilds one larger page, off the click.
 */
const MOST_PAGES = 16;

/** The size pages are cut at: `least`, or larger where that would make more than `mostPages` pages of `totalChars`. */
export function pageCharsFor(totalChars: number, least = PAGE_CHARS, mostPages = MOST_PAGES): number {
  return Math.max(least, Math.ceil(totalChars / mostPages));
}

/** How many times its size a page may grow before the pages are cut again. */
const GROWN = 3;

function pageRecord(kind: ExportKind, n: number, items: readonly SelectedItem[]): ExportPageRecord {
  const { parts, content } = buildPage(kind, items);
  const bytes = new Blob(parts);
  return { id: pageId(kind, n), kind, n, ids: items.map((item) => item.id), stale: false, size: bytes.size, bytes, ...content };
}

/** The items cut into runs of about pageCharsFor(their size, `least`, `mostPages`), in order. */
function cut(kind: ExportKind, items: readonly SelectedItem[], least: number, mostPages: number): SelectedItem[][] {
  if (kind === 'calendars') return [[...items]];
  const pageChars = pageCharsFor(
    items.reduce((sum, item) => sum + item.raw.length, 0),
    least,
    mostPages,
  );
  const pages: SelectedItem[][] = [[]];
  let chars = 0;
  for (const item of items) {
    if (chars >= pageChars) {
      pages.push([]);
      chars = 0;
    }
    pages.at(-1)!.push(item);
    chars += item.raw.length;
  }
  return pages;
}

function pagesOf(db: LifeboatDb, kind: ExportKind) {
  return db.exportPages.where('id').startsWith(`${kind}:`);
}

/** The stores a build reads and writes (the collections and their counts: which collections hold items, export-selection.ts). */
function tables(db: LifeboatDb) {
  return [db.items, db.accounts, db.collections, db.collectionCounts, db.exportPages, db.exportLayouts];
}

/** The accounts, sorted: what a layout was built over. */
async function accountIds(db: LifeboatDb): Promise<string[]> {
  return (await db.accounts.toCollection().primaryKeys()).sort();
}

/**
 * Whether the pages were built over these very accounts. A write to the accounts alone (a run's
 * progress line, an account added) does not touch the pages (stale-pages-middleware.ts), so the
 * set is compared here, in the transaction that serves or rebuilds them.
 */
function sameAccounts(layout: ExportLayoutRecord, accounts: readonly string[]): boolean {
  return layout.accounts !== undefined && layout.accounts.length === accounts.length && layout.accounts.every((id, index) => id === accounts[index]);
}

/** Every page of `kind` built again from the mirror. */
export function buildAllPages(db: LifeboatDb, kind: ExportKind, pageChars = PAGE_CHARS, mostPages = MOST_PAGES): Promise<void> {
  return db.transaction('rw', tables(db), async () => {
    const accounts = await accountIds(db);
    const runs = cut(kind, await selectForExport(db, { kinds: EXPORT_ITEM_KINDS[kind] }), pageChars, mostPages);
    await pagesOf(db, kind).delete();
    await db.exportPages.bulkPut(runs.map((run, n) => pageRecord(kind, n, run)));
    // Each page after the first begins at its first item's sort key.
    const bounds = runs.slice(1).map(([first]): SortKey => [first!.title, first!.id]);
    await db.exportLayouts.put({ kind, bounds, locale: ORDER_LOCALE, accounts });
  });
}

/** The page's items as the live export reads them: live, of the export's kinds, of an account. */
async function itemsOfPage(db: LifeboatDb, kind: ExportKind, page: ExportPageRecord, accounts: Set<string>): Promise<SelectedItem[]> {
  const records = await db.items.bulkGet(page.ids);
  return records
    .filter((item): item is ItemRecord => item !== undefined && item.live === 1 && EXPORT_ITEM_KINDS[kind].includes(item.kind) && accounts.has(item.accountId))
    .sort(compareForExport)
    .map((item) => selectedItem(item, item.raw));
}

/**
 * Rebuilds the stale pages of `kind` (all of them when none was built yet, or under another
 * locale's order); returns the pages, in order, all fresh.
 */
export function freshPages(db: LifeboatDb, kind: ExportKind, pageChars = PAGE_CHARS, mostPages = MOST_PAGES): Promise<ExportPageRecord[]> {
  return db.transaction('rw', tables(db), async () => {
    const [layout, ids] = await Promise.all([db.exportLayouts.get(kind), accountIds(db)]);
    if (!layout || layout.locale !== ORDER_LOCALE || !sameAccounts(layout, ids)) await buildAllPages(db, kind, pageChars, mostPages);
    let pages = await pagesOf(db, kind).sortBy('n');
    // Pages cut before their number was bounded (each of about PAGE_CHARS, however large the
    // export) are cut again once: a click would pay for each of them in the download.
    if (pages.length > 2 * mostPages) {
      await buildAllPages(db, kind, pageChars, mostPages);
      pages = await pagesOf(db, kind).sortBy('n');
    }
    const stale = pages.filter((page) => page.stale);
    if (stale.length === 0) return pages;
    const accounts = new Set(ids);
    const rebuilt = await Promise.all(stale.map(async (page) => pageRecord(kind, page.n, await itemsOfPage(db, kind, page, accounts))));
    const byN = new Map(rebuilt.map((page) => [page.n, page]));
    const current = pages.map((page) => byN.get(page.n) ?? page);
    // A page that new items grew to several times the size pages are cut at is cut again with all
    // the others (the .ics, one page, never is): a change then still rebuilds about one page's worth.
    // The size is the export's as rebuilt: a stale page's record holds no bytes (size 0), so a
    // change on every page would otherwise have made every rebuilt page look grown.
    const cutAt = pageCharsFor(
      current.reduce((sum, page) => sum + page.size, 0),
      pageChars,
      mostPages,
    );
    if (kind === 'contacts' && rebuilt.some((page) => page.size > GROWN * cutAt)) {
      await buildAllPages(db, kind, pageChars, mostPages);
      return pagesOf(db, kind).sortBy('n');
    }
    await db.exportPages.bulkPut(rebuilt);
    return current;
  });
}

/**
 * Brings both exports up to date off the click: after a run (only the stale pages are rebuilt,
 * or every page the first time) and after an export the pages could not serve. Never throws:
 * a page it could not rebuild stays stale and the click rebuilds it or builds live.
 */
export async function keepExportsReady(db: LifeboatDb, kinds: readonly ExportKind[] = ['contacts', 'calendars']): Promise<void> {
  // Timed as "export-pages-<kind>" (shared/phase-times.ts): the bench reads the first build's cost.
  for (const kind of kinds) await timedPhase(`export-pages-${kind}`, () => freshPages(db, kind)).catch(() => undefined);
}
