// What keeping the exports ready costs off the click, on the bench's mirror in fake-indexeddb
// (Node: the build's work is the extension's code, the database's is not Chromium's): the first
// build of every page after a first mirror, and the rebuild after 100 upstream changes to
// contacts and to events, which rebuilds only the pages those items are on (all of the .ics,
// one page). Run: `npx tsx bench/export-pages-cost.ts [contacts]`.
import { loadavg } from 'node:os';
import { seededMirror } from './export-bench-browser';
import { storeItems } from '../src/db/mirror-writes';
import { freshPages } from '../src/exporters/ready/keep-pages';
import { compareForExport } from '../src/db/export-pages/export-order';
import type { ExportKind } from '../src/model/export';
import type { ItemKind } from '../src/model/item';

const contacts = Number(process.argv[2] ?? 10_000);
const db = await seededMirror('export-pages-cost', contacts);

async function timed(label: string, step: () => Promise<unknown>): Promise<void> {
  const start = performance.now();
  await step();
  console.log(`${label}: ${(performance.now() - start).toFixed(0)} ms (load ${loadavg()[0]!.toFixed(1)})`);
}

/**
 * 100 items of `kind` changed upstream, stored as a run stores them: neighbours in the export's
 * order (the bench's data set names its items in the order of their ids), or spread over it.
 */
async function change100(kind: ItemKind, spread: boolean): Promise<void> {
  // In the order of their names, as the export orders them (no index holds every kind's names since schema 13).
  const all = (await db.items.filter((item) => item.kind === kind && item.accountId === 'bench' && item.live === 1).toArray())
    .sort(compareForExport)
    .map((item) => item.id);
  const step = spread ? Math.floor(all.length / 100) : 1;
  const items = (await db.items.bulkGet(all.filter((_, index) => index % step === 0).slice(0, 100))).filter((item) => item !== undefined);
  for (const collectionId of new Set(items.map((item) => item.collectionId))) {
    const collection = (await db.collections.get(collectionId))!;
    const changed = items.filter((item) => item.collectionId === collectionId);
    await storeItems(db, collection, changed.map((item) => ({ ...item, raw: item.raw.replace(/(\r?\n)END:/, '$1COMMENT:changed$1END:'), etag: '"2"' })), 2);
  }
}

for (const kind of ['contacts', 'calendars'] as ExportKind[]) {
  await timed(`first build of the ${kind} pages`, () => freshPages(db, kind));
  const pages = await db.exportPages.where('id').startsWith(`${kind}:`).toArray();
  console.log(`  ${pages.length} pages, ${(pages.reduce((sum, page) => sum + page.size, 0) / 1e6).toFixed(1)} MB`);
  for (const spread of [false, true]) {
    await change100(kind === 'contacts' ? 'contact' : 'event', spread);
    const stale = await db.exportPages.filter((page) => page.kind === kind && page.stale).count();
    await timed(`rebuild after 100 changes ${spread ? 'spread over the file' : 'side by side'} (${stale} stale pages)`, () => freshPages(db, kind));
  }
}
