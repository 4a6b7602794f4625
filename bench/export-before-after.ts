// Two builds of the extension compared on the same mirror in one run: the bench's mirror built
// once (export-mirror.ts) and copied into two Chromiums, one per build, then the one-click .vcf and
// .ics (command → worker → offscreen document → download complete) timed in turns, before and
// after one after the other, so that both see the same load on a shared machine. The load
// average is printed with each pair. Needs `npm run build` and a copy of an earlier `dist`.
// Run: `npx tsx bench/export-before-after.ts <earlier dist> [contacts] [rounds]`.
import { loadavg } from 'node:os';
import { command, type LifeboatBrowser } from './lifeboat-browser';
import { lifeboatWithMirror, seededMirror } from './export-bench-browser';
import { median } from './timing';

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
    const times = new Map<string, number[]>(builds.map(([name]) => [name, []]));
    for (let round = 0; round < rounds; round++) {
      const load = loadavg()[0]!.toFixed(1);
      const pair: string[] = [];
      // Turns alternate which build goes first.
      for (const [name, lifeboat] of round % 2 === 0 ? builds : [...builds].reverse()) {
        const { ms, result } = await command(lifeboat, kind, {});
        times.get(name)!.push(ms);
        pair.push(`${name} ${ms.toFixed(0)} ms (${result.count} items)`);
      }
      console.log(`${kind} round ${round + 1}, load ${load}: ${pair.join(', ')}`);
    }
    console.log(`${kind} median: ${builds.map(([name]) => `${name} ${median(times.get(name)!).toFixed(0)} ms`).join(', ')}`);
  }
} finally {
  for (const [, lifeboat] of builds) await lifeboat.close();
}
