// Export speed in Chromium: the mirror of bench/export-mirror.ts (built in fake-indexeddb with the
// engine's own writes) copied record by record into the real extension's IndexedDB, then the
// one-click .vcf and .ics timed as the popup sends them (command → worker → offscreen document
// → file), median of three. Needs `npm run build`. Run: `npx tsx bench/export-speed-chromium.ts [contacts]`.
import { timeExport } from './lifeboat-in-chromium';
import { lifeboatWithMirror, seededMirror } from './export-bench-browser';

const contacts = Number(process.argv[2] ?? 10_000);
const source = await seededMirror('export-speed-chromium', contacts);
const lifeboat = await lifeboatWithMirror(source);
try {
  const items = await source.items.count();
  const vcf = await timeExport(lifeboat, 'exportContacts', 3, contacts);
  const ics = await timeExport(lifeboat, 'exportCalendars', 3, items - contacts);
  console.log(`Chromium .vcf of ${vcf.count} contacts: median ${vcf.ms.toFixed(0)} ms (${vcf.runs.map((r) => r.toFixed(0)).join(', ')})`);
  console.log(`Chromium .ics of ${ics.count} events and tasks: median ${ics.ms.toFixed(0)} ms (${ics.runs.map((r) => r.toFixed(0)).join(', ')})`);
} finally {
  await lifeboat.close();
}
