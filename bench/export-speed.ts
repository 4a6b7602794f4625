// Export speed on its own, without a browser or a server: 10,000 contacts and 10,000 events +
// 1,000 tasks (the bench's data set, bench/generate-data.ts) stored through the engine's own
// write path into fake-indexeddb, then the .vcf and the .ics built into a Blob as the offscreen
// document builds them (archive/build-file.ts). Prints the median of three builds of each (`[contacts] [rounds]`), and the
// index entries each kind of item carries. Run: `npx tsx bench/export-speed.ts [contacts]`.
// fake-indexeddb is slower than Chromium's IndexedDB and this machine is shared: compare the
// figures of one run with each other (before/after on the same machine), not across machines.
import 'fake-indexeddb/auto';
import { LifeboatDb } from '../src/db/schema';
import { buildFile } from '../src/archive/build-file';
import { median } from './timing';
import { seedExportMirror } from './export-mirror';

/** Index entries an item puts in the items table's indexes (its primary key included). */
function indexEntries(db: LifeboatDb, item: Record<string, unknown>): number {
  let entries = 1;
  for (const index of db.items.schema.indexes) {
    const paths = Array.isArray(index.keyPath) ? index.keyPath : [index.keyPath!];
    const values = paths.map((path) => item[path]);
    const valid = values.every((value) => typeof value === 'string' || typeof value === 'number' || Array.isArray(value));
    if (!valid) continue;
    entries += index.multi ? new Set(item[paths[0]!] as unknown[]).size : 1;
  }
  return entries;
}

async function timeBuild(db: LifeboatDb, kind: 'contacts' | 'calendars'): Promise<{ ms: number; bytes: number; count: number }> {
  const runs: number[] = [];
  let bytes = 0;
  let count = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now();
    const built = await buildFile(db, { type: 'export', kind, params: {} }, new Date(0));
    bytes = built.blob.size;
    count = 'count' in built.result ? built.result.count : 0;
    runs.push(performance.now() - start);
  }
  return { ms: median(runs), bytes, count };
}

const contacts = Number(process.argv[2] ?? 10_000);
const ROUNDS = Number(process.argv[3] ?? 3);
const db = new LifeboatDb(`export-speed-${Date.now()}`);
const seeding = performance.now();
await seedExportMirror(db, contacts);
console.log(`seeded in ${((performance.now() - seeding) / 1000).toFixed(1)} s`);
const entries = new Map<string, number[]>();
await db.items.each((item) => {
  const list = entries.get(item.kind) ?? [];
  list.push(indexEntries(db, item as unknown as Record<string, unknown>));
  entries.set(item.kind, list);
});
for (const [kind, list] of entries) console.log(`index entries per ${kind}: ${(list.reduce((a, b) => a + b, 0) / list.length).toFixed(1)} (${list.length} items)`);
for (const kind of ['contacts', 'calendars'] as const) {
  const { ms, bytes, count } = await timeBuild(db, kind);
  console.log(`${kind}: ${count} items, ${(bytes / 1e6).toFixed(1)} MB, median of ${ROUNDS} builds ${ms.toFixed(0)} ms`);
}
