// Two builds' popups compared in one run: the bench's mirror built once (export-mirror.ts) and
// copied into two Chromiums, one per build, then the popup opened in turns (alternating which
// build goes first, so both see the same load), each opening timed by its own marks
// (popup-timing.ts). Prints the median first paint and counts shown of each build, the median
// time of each of the page's steps (POPUP_STEPS) and the load average. Needs `npm run build` and a copy of an earlier `dist`.
// Run: `npx tsx bench/popup-before-after.ts <earlier dist> [contacts] [openings] [later dist, else dist]`.
import { loadavg } from 'node:os';
import { lifeboatWithMirror, seededMirror } from './export-bench-browser';
import type { LifeboatBrowser } from './lifeboat-browser';
import { POPUP_STEPS, timePopupPhases, type PopupStep } from './popup-timing';
import { median } from './timing';

const [before, contactsArg, openingsArg, after = 'dist'] = process.argv.slice(2);
if (!before) throw new Error('Usage: popup-before-after.ts <earlier dist> [contacts] [openings]');
const contacts = Number(contactsArg ?? 10_000);
const openings = Number(openingsArg ?? 15);
const source = await seededMirror('popup-before-after', contacts);
const builds: Array<[string, LifeboatBrowser]> = [];
try {
  builds.push(['before', await lifeboatWithMirror(source, before)]);
  builds.push(['after', await lifeboatWithMirror(source, after)]);
  // A first opening of each: the extension's files read from disk once, as after any first click.
  for (const [, lifeboat] of builds) await timePopupPhases(lifeboat, contacts);
  const paints = new Map<string, number[]>(builds.map(([name]) => [name, []]));
  const counts = new Map<string, number[]>(builds.map(([name]) => [name, []]));
  const steps = new Map<string, Array<Record<PopupStep, number>>>(builds.map(([name]) => [name, []]));
  const loads: number[] = [];
  for (let round = 0; round < openings; round++) {
    loads.push(loadavg()[0]!);
    for (const [name, lifeboat] of round % 2 === 0 ? builds : [...builds].reverse()) {
      const { firstPaint, countsShown, steps: marked } = await timePopupPhases(lifeboat, contacts);
      steps.get(name)!.push(marked);
      paints.get(name)!.push(firstPaint);
      counts.get(name)!.push(countsShown);
    }
  }
  console.log(`${openings} openings each, load average ${Math.min(...loads).toFixed(1)} to ${Math.max(...loads).toFixed(1)}`);
  for (const [name] of builds) {
    const stepMedians = POPUP_STEPS.map((step) => `${step} ${median(steps.get(name)!.map((s) => s[step]).filter((ms) => !Number.isNaN(ms))).toFixed(0)}`);
    console.log(`${name} steps (median ms from navigation start): ${stepMedians.join(', ')}`);
    console.log(`${name}: first paint median ${median(paints.get(name)!).toFixed(1)} ms, counts shown median ${median(counts.get(name)!).toFixed(1)} ms (first paints ${paints.get(name)!.map((ms) => ms.toFixed(0)).join(' ')})`);
  }
} finally {
  for (const [, lifeboat] of builds) await lifeboat.close();
}
