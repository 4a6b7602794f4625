// Export speed in Chromium: the mirror of bench/export-mirror.ts (built in fake-indexeddb with the
// engine's own writes) copied record by record into the real extension's IndexedDB, then the
// one-click .vcf and .ics timed as the popup sends them (command → worker → offscreen document
// → file), median of three. Needs `npm run build`. Run: `npx tsx bench/export-speed-chromium.ts [contacts]`.
import 'fake-indexeddb/auto';
import { LifeboatDb } from '../src/db/schema';
import { seedExportMirror } from './export-mirror';
import { startLifeboat } from './lifeboat-browser';
import { timeExport } from './lifeboat-in-chromium';

const TABLES = ['accounts', 'collections', 'items', 'counters'] as const;

const contacts = Number(process.argv[2] ?? 10_000);
const source = new LifeboatDb(`export-speed-chromium-${Date.now()}`);
await seedExportMirror(source, contacts);
const lifeboat = await startLifeboat();
try {
  for (const table of TABLES) {
    const records = await source.table(table).toArray();
    for (let at = 0; at < records.length; at += 1000) {
      await lifeboat.page.evaluate(
        ({ table, chunk }) =>
          new Promise<void>((resolve, reject) => {
            const open = indexedDB.open('lifeboat');
            open.onerror = () => reject(new Error(String(open.error)));
            open.onsuccess = () => {
              const tx = open.result.transaction(table, 'readwrite');
              tx.oncomplete = () => (open.result.close(), resolve());
              tx.onerror = () => reject(new Error(String(tx.error)));
              for (const record of chunk) tx.objectStore(table).put(record);
            };
          }),
        { table, chunk: records.slice(at, at + 1000) },
      );
    }
  }
  const items = await source.items.count();
  const vcf = await timeExport(lifeboat, 'exportContacts', 3, contacts);
  const ics = await timeExport(lifeboat, 'exportCalendars', 3, items - contacts);
  console.log(`Chromium .vcf of ${vcf.count} contacts: median ${vcf.ms.toFixed(0)} ms (${vcf.runs.map((r) => r.toFixed(0)).join(', ')})`);
  console.log(`Chromium .ics of ${ics.count} events and tasks: median ${ics.ms.toFixed(0)} ms (${ics.runs.map((r) => r.toFixed(0)).join(', ')})`);
} finally {
  await lifeboat.close();
}
