// The popup's first paint beside the floor any extension page has in this browser: in one
// Chromium holding the bench's mirror (export-bench-browser.ts, 10,000 contacts: 21,000 items),
// the pages of popup-floor-pages.ts and Lifeboat's popup opened in turns (the order reversed every
// other round, so each sees the same load), each opening a new tab, timed on the popup's clock
// and by its method: the earliest Paint Timing entry, from the navigation's start (the popup's
// 'lifeboat:frame-painted' mark is that entry, popup-timing.ts). Prints medians, quartiles and
// each page's median over the blank page's, with the load; `--json` writes
// bench/popup-floor-results.json. Needs `npm run build`.
// `--variants` adds the popup with its scripts loaded otherwise (popup-floor-pages.ts).
// Run: `npx tsx bench/popup-floor.ts [contacts] [openings] [dist folder, else dist] [--json] [--variants]`.
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { lifeboatWithMirror, seededMirror } from './export-bench-browser';
import { formatRatio, markdownTable } from './format';
import type { LifeboatBrowser } from './lifeboat-browser';
import { describeMachine } from './machine';
import { buildWithFloorPages, FLOOR_PAGES, POPUP_VARIANTS } from './popup-floor-pages';
import { POPUP } from '../test/browser/extension-pages';
import { POPUP_STEPS, timePopupPhases } from './popup-timing';
import { median } from './timing';

/** Each page opened: its path in the build, and whether it is a popup (timed by its own marks). */
const PAGES: Record<string, { path: string; popup: boolean }> = {
  'blank page': { path: FLOOR_PAGES.blank, popup: false },
  'page with one tiny module': { path: FLOOR_PAGES.module, popup: false },
  'popup without its scripts': { path: FLOOR_PAGES.popupWithoutScripts, popup: false },
  popup: { path: POPUP, popup: true },
};
/** `--variants`: the popup with its scripts loaded otherwise (popup-floor-pages.ts). */
const VARIANTS: Record<string, { path: string; popup: boolean }> = {
  'popup, async module script': { path: POPUP_VARIANTS.asyncScript, popup: true },
  'popup, no modulepreload': { path: POPUP_VARIANTS.noPreload, popup: true },
};
type PageName = string;

const [contactsArg, openingsArg, distArg] = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const contacts = Number(contactsArg ?? 10_000);
const openings = Number(openingsArg ?? 25);
const writeJson = process.argv.includes('--json');
const opened = { ...PAGES, ...(process.argv.includes('--variants') ? VARIANTS : {}) };
const NAMES: PageName[] = Object.keys(opened);

interface Opening {
  firstPaint: number;
  /** The page's HTML received (Navigation Timing's responseEnd), from navigation start. */
  htmlReceived: number;
}

/** One opening of a page with no marks of its own: its earliest paint entry, from navigation start. */
async function firstPaintOf(lifeboat: LifeboatBrowser, path: string): Promise<Opening> {
  const page = await lifeboat.ext.context.newPage();
  try {
    await page.setViewportSize({ width: 360, height: 420 });
    await page.goto(`chrome-extension://${lifeboat.ext.extensionId}/${path}`);
    const handle = await page.waitForFunction(() => {
      const starts = performance.getEntriesByType('paint').map((entry) => entry.startTime);
      return starts.length > 0 ? Math.min(...starts) : undefined;
    }, undefined, { timeout: 30_000 });
    const firstPaint = (await handle.jsonValue()) as number;
    const htmlReceived = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.responseEnd ?? NaN);
    return { firstPaint, htmlReceived };
  } finally {
    await page.close();
  }
}

const tenth = (ms: number): number => Math.round(ms * 10) / 10;
const STEPS = [...POPUP_STEPS, 'counts shown'] as const;
type Step = (typeof STEPS)[number];

/** The value at fraction `q` of the sorted values (nearest rank). */
function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

const source = await seededMirror('popup-floor', contacts);
const lifeboat = await lifeboatWithMirror(source, buildWithFloorPages(distArg ?? 'dist'));
try {
  const paints = new Map<PageName, number[]>(NAMES.map((name) => [name, []]));
  const htmls = new Map<PageName, number[]>(NAMES.map((name) => [name, []]));
  // Each popup page's steps, counts shown the last.
  const popups = NAMES.filter((name) => opened[name]!.popup);
  const steps = new Map<PageName, Array<Record<Step, number>>>(popups.map((name) => [name, []]));
  const open = async (name: PageName): Promise<Opening> => {
    const { path, popup } = opened[name]!;
    if (!popup) return firstPaintOf(lifeboat, path);
    const timing = await timePopupPhases(lifeboat, contacts, path);
    steps.get(name)!.push({ ...timing.steps, 'counts shown': timing.countsShown });
    return { firstPaint: timing.firstPaint, htmlReceived: timing.steps['html received'] };
  };
  // A first opening of each, not counted: the files read from disk once, as after any first click.
  for (const name of NAMES) await open(name);
  for (const name of popups) steps.get(name)!.length = 0;
  const loads: number[] = [];
  for (let round = 0; round < openings; round++) {
    loads.push(loadavg()[0]!);
    for (const name of round % 2 === 0 ? NAMES : [...NAMES].reverse()) {
      const opening = await open(name);
      paints.get(name)!.push(opening.firstPaint);
      htmls.get(name)!.push(opening.htmlReceived);
    }
  }
  const blank = median(paints.get('blank page')!);
  const load = `${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`;
  console.log(`${openings} openings of each page in turns, ${contacts} contacts in the mirror, load average ${load}\n`);
  const rows = NAMES.map((name) => {
    const ms = paints.get(name)!;
    return { name, median: median(ms), q1: quantile(ms, 0.25), q3: quantile(ms, 0.75), min: Math.min(...ms), max: Math.max(...ms) };
  });
  console.log(
    markdownTable(
      ['Page', 'First paint, median', 'Middle half', 'Range', '÷ blank page', '− blank page', 'HTML received, median'],
      rows.map((r) => [r.name, `${r.median.toFixed(1)} ms`, `${r.q1.toFixed(0)}–${r.q3.toFixed(0)} ms`, `${r.min.toFixed(0)}–${r.max.toFixed(0)} ms`, formatRatio(r.median / blank), `${(r.median - blank).toFixed(1)} ms`, `${median(htmls.get(r.name)!).toFixed(1)} ms`]),
    ),
  );
  // Paired by round (each round opens every page once, in turn): a difference the load spreads
  // over the whole run shows in the medians, one that the page makes shows in every pair.
  for (const name of NAMES.filter((n) => n !== 'blank page')) {
    const pairs = paints.get(name)!.map((ms, round) => ms - paints.get('blank page')![round]!);
    const later = pairs.filter((d) => d > 0).length;
    const sooner = pairs.filter((d) => d < 0).length;
    console.log(`${name} − blank page, round by round: median ${median(pairs).toFixed(1)} ms; later in ${later}, sooner in ${sooner} of ${pairs.length} rounds`);
  }
  const atMost50 = (name: string): number => paints.get(name)!.filter((ms) => ms <= 50).length;
  console.log(`openings painted within 50 ms: blank page ${atMost50('blank page')} of ${openings}, popup ${atMost50('popup')} of ${openings}`);

  // Counts shown, step by step, per popup page: each step's median time from navigation start,
  // and in brackets the median of each opening's own time since the step before.
  const counts = steps.get('popup')!.map((s) => s['counts shown']);
  console.log(`\npopup counts shown: median ${median(counts).toFixed(1)} ms (${quantile(counts, 0.25).toFixed(0)}–${quantile(counts, 0.75).toFixed(0)} ms middle half). Step by step, medians from navigation start (since the step before):\n`);
  console.log(
    markdownTable(
      ['Step', ...popups],
      STEPS.map((step, i) => [
        step,
        ...popups.map((name) => {
          const all = steps.get(name)!;
          const since = all.map((s) => s[step] - (i === 0 ? 0 : s[STEPS[i - 1]!]));
          return `${median(all.map((s) => s[step])).toFixed(1)} ms (${median(since).toFixed(1)})`;
        }),
      ]),
    ),
  );
  if (writeJson) {
    const results = { measuredAt: new Date().toISOString(), machine: describeMachine(), contacts, openings, load: loads.map((l) => Math.round(l * 10) / 10), firstPaint: Object.fromEntries(NAMES.map((name) => [name, paints.get(name)!.map(tenth)])), htmlReceived: Object.fromEntries(NAMES.map((name) => [name, htmls.get(name)!.map(tenth)])), popupSteps: Object.fromEntries(popups.map((name) => [name, steps.get(name)!.map((s) => Object.fromEntries(Object.entries(s).map(([k, v]) => [k, tenth(v)])))])) };
    writeFileSync(new URL('./popup-floor-results.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
  }
} finally {
  await lifeboat.close();
}
