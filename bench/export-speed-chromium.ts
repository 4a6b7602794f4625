// Export speed in Chromium: the mirror of bench/export-mirror.ts (built in fake-indexeddb with the
// engine's own writes) copied record by record into the real extension's IndexedDB, then the
// one-click .vcf and .ics timed as the popup sends them (command → worker → offscreen document
// → file), median of three. Needs `npm run build`. Run: `npx tsx bench/export-speed-chromium.ts [contacts]`.
import 'fake-indexeddb/auto';
import { LifeboatDb } from '../src/db/schema';
import { seedExportMirror } from './export-mirror';
import { startLifeboat } from './lifeboat-browser';
import { timeExport } from './lifeboat-in-chromium';
import { copyMirrorInto } from './copy-mirror';


const contacts = Number(process.argv[2] ?? 10_000);
const source = new LifeboatDb(`export-speed-chromium-${Date.now()}`);
await seedExportMirror(source, contacts);
const lifeboat = await startLifeboat();
try {
  await copyMirrorInto(source, lifeboat.page);
  const items = await source.items.count();
  const vcf = await timeExport(lifeboat, 'exportContacts', 3, contacts);
  const ics = await timeExport(lifeboat, 'exportCalendars', 3, items - contacts);
  console.log(`Chromium .vcf of ${vcf.count} contacts: median ${vcf.ms.toFixed(0)} ms (${vcf.runs.map((r) => r.toFixed(0)).join(', ')})`);
  console.log(`Chromium .ics of ${ics.count} events and tasks: median ${ics.ms.toFixed(0)} ms (${ics.runs.map((r) => r.toFixed(0)).join(', ')})`);
} finally {
  await lifeboat.close();
}
