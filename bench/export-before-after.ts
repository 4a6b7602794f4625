// Two builds of the extension compared on the same mirror in one run: the bench's mirror built
// once (export-mirror.ts) and copied into two Chromiums, one per build, then the one-click .vcf and
// .ics (command → worker → offscreen document → download complete) timed in turns, before and
// after one after the other, so that both see the same load on a shared machine; each with the
// phases its worker and offscreen document recorded (export-phases.ts). The load average is
// printed with each pair. Needs `npm run build` and a copy of an earlier `dist`.
// Run: `npx tsx bench/export-before-after.ts <earlier dist> [contacts] [rounds]`.
import { loadavg } from 'node:os';
import { command, type LifeboatBrowser } from './lifeboat-browser';
import { lifeboatWithMirror, seededMirror } from './export-bench-browser';
import { median } from './timing';
import { attach, phases, type Send } from './export-phases';

/** The phases of one export: the build in the worker's eyes (message to the offscreen document → blob URL), the offscreen document's read, build and Blob, the worker's download. */
const PHASES = [['worker', 'file-built'], ['offscreen', 'export-ready'], ['offscreen', 'export-read-store'], ['offscreen', 'export-build'], ['offscreen', 'export-blob'], ['worker', 'download-started'], ['worker', 'download-finished']] as const;

async function sides(lifeboat: LifeboatBrowser): Promise<Record<'worker' | 'offscreen', Send>> {
  const { browser, extensionId } = lifeboat.ext;
  const cdp = await browser.newBrowserCDPSession();
  return {
    worker: await attach(cdp, (t) => t.type === 'service_worker' && t.url.includes(extensionId)),
    offscreen: await attach(cdp, (t) => t.url.includes(`${extensionId}/src/offscreen/`)),
  };
}

/** Waits for the pages of `kind` (schema 9, exporters/ready/) and returns their build time; null for a build without them. */
async function pagesBuilt(lifeboat: LifeboatBrowser, kind: 'contacts' | 'calendars', offscreen: Send): Promise<number | null> {
  for (;;) {
    const measured = (await phases(offscreen))[`export-pages-${kind}`];
    if (measured !== undefined) return measured;
    const stores = await lifeboat.page.evaluate(() => new Promise<string[]>((resolve) => {
      const open = indexedDB.open('lifeboat');
      open.onsuccess = () => (resolve([...open.result.objectStoreNames]), open.result.close());
    }));
    if (!stores.includes('exportPages')) return null;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const [before, contactsArg, roundsArg] = process.argv.slice(2);
if (!before) throw new Error('Usage: export-before-after.ts <earlier dist> [contacts] [rounds]');
const contacts = Number(contactsArg ?? 10_000);
const rounds = Number(roundsArg ?? 5);
const source = await seededMirror('export-before-after', contacts);
const builds: Array<[string, LifeboatBrowser]> = [];
try {
  builds.push(['before', await lifeboatWithMirror(source, before)]);
  builds.push(['after', await lifeboatWithMirror(source, 'dist')]);
  for (const kind of ['exportContacts', 'exportCalendars'] as const) {
    // A first export of each build creates its offscreen document, which a person's first click pays once.
    for (const [, lifeboat] of builds) await command(lifeboat, kind, {});
    const targets = new Map(await Promise.all(builds.map(async ([name, lifeboat]) => [name, await sides(lifeboat)] as const)));
    // A build that keeps the export ready builds its pages after that first click (live): the
    // rounds measure clicks served from them, as after any run.
    for (const [name, lifeboat] of builds) {
      const built = await pagesBuilt(lifeboat, kind === 'exportContacts' ? 'contacts' : 'calendars', targets.get(name)!.offscreen);
      if (built !== null) console.log(`${kind}, ${name}: first build of the pages ${built.toFixed(0)} ms`);
    }
    const times = new Map<string, number[]>(builds.map(([name]) => [name, []]));
    const phaseTimes = new Map<string, number[]>();
    for (let round = 0; round < rounds; round++) {
      const load = loadavg()[0]!.toFixed(1);
      const pair: string[] = [];
      // Turns alternate which build goes first.
      for (const [name, lifeboat] of round % 2 === 0 ? builds : [...builds].reverse()) {
        const { ms, result } = await command(lifeboat, kind, {});
        times.get(name)!.push(ms);
        const measured = { worker: await phases(targets.get(name)!.worker), offscreen: await phases(targets.get(name)!.offscreen) };
        const split = PHASES.map(([side, phase]) => {
          const value = measured[side][phase] ?? NaN;
          phaseTimes.set(`${name} ${phase}`, [...(phaseTimes.get(`${name} ${phase}`) ?? []), value]);
          return `${phase} ${value.toFixed(0)}`;
        });
        pair.push(`${name} ${ms.toFixed(0)} ms (${result.count} items; ${split.join(', ')})`);
      }
      console.log(`${kind} round ${round + 1}, load ${load}:\n  ${pair.join('\n  ')}`);
    }
    for (const [name] of builds) {
      const split = PHASES.map(([, phase]) => `${phase} ${median(phaseTimes.get(`${name} ${phase}`)!).toFixed(0)}`);
      console.log(`${kind} median, ${name}: ${median(times.get(name)!).toFixed(0)} ms (${split.join(', ')})`);
    }
  }
} finally {
  for (const [, lifeboat] of builds) await lifeboat.close();
}
