// The popup's first paint beside the floor any extension page has in this browser: in one
// Chromium holding the bench's mirror (export-bench-browser.ts, 10,000 contacts: 21,000 items),
// the pages of popup-floor-pages.ts and Lifeboat's popup opened in turns (the order reversed every
// other round, so each sees the same load), each opening a new tab, timed on the popup's clock
// and by its method: the earliest Paint Timing entry, from the navigation's start (the popup's
// 'lifeboat:frame-painted' mark is that entry, popup-timing.ts). Prints medians, quartiles and
// each page's median over the blank page's, with the load; `--json` writes
// bench/popup-floor-results.json. Needs `npm run build`.
// Run: `npx tsx bench/popup-floor.ts [contacts] [openings] [dist folder, else dist] [--json]`.
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { lifeboatWithMirror, seededMirror } from './export-bench-browser';
import { formatRatio, markdownTable } from './format';
import type { LifeboatBrowser } from './lifeboat-browser';
import { describeMachine } from './machine';
import { buildWithFloorPages, FLOOR_PAGES } from './popup-floor-pages';
import { POPUP_STEPS, timePopupPhases, type PopupStep } from './popup-timing';
import { median } from './timing';

type PageName = 'blank page' | 'page with one tiny module' | 'popup without its scripts' | 'popup';
const PATHS: Record<Exclude<PageName, 'popup'>, string> = {
  'blank page': FLOOR_PAGES.blank,
  'page with one tiny module': FLOOR_PAGES.module,
  'popup without its scripts': FLOOR_PAGES.popupWithoutScripts,
};
const NAMES: PageName[] = ['blank page', 'page with one tiny module', 'popup without its scripts', 'popup'];

const [contactsArg, openingsArg, distArg] = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const contacts = Number(contactsArg ?? 10_000);
const openings = Number(openingsArg ?? 25);
const writeJson = process.argv.includes('--json');

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
  const counts: number[] = [];
  const steps: Array<Record<PopupStep, number>> = [];
  const open = async (name: PageName): Promise<Opening> => {
    if (name !== 'popup') return firstPaintOf(lifeboat, PATHS[name]);
    const timing = await timePopupPhases(lifeboat, contacts);
    counts.push(timing.countsShown);
    steps.push(timing.steps);
    return { firstPaint: timing.firstPaint, htmlReceived: timing.steps['html received'] };
  };
  // A first opening of each, not counted: the files read from disk once, as after any first click.
  for (const name of NAMES) await open(name);
  counts.length = 0;
  steps.length = 0;
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
  // Counts shown, step by step: each step's median time from navigation start, and the median
  // of each opening's own time since the step before.
  console.log(`\npopup counts shown: median ${median(counts).toFixed(1)} ms (${quantile(counts, 0.25).toFixed(0)}–${quantile(counts, 0.75).toFixed(0)} ms middle half), step by step:\n`);
  const stepNames = [...POPUP_STEPS, 'counts shown'] as const;
  const at = (opening: number, step: (typeof stepNames)[number]): number => (step === 'counts shown' ? counts[opening]! : steps[opening]![step]);
  console.log(
    markdownTable(
      ['Step', 'From navigation start, median', 'Since the step before, median'],
      stepNames.map((step, i) => {
        const since = steps.map((_, o) => at(o, step) - (i === 0 ? 0 : at(o, stepNames[i - 1]!)));
        return [step, `${median(steps.map((_, o) => at(o, step))).toFixed(1)} ms`, `${median(since).toFixed(1)} ms`];
      }),
    ),
  );
  if (writeJson) {
    const results = { measuredAt: new Date().toISOString(), machine: describeMachine(), contacts, openings, load: loads.map((l) => Math.round(l * 10) / 10), firstPaint: Object.fromEntries(NAMES.map((name) => [name, paints.get(name)!.map(tenth)])), htmlReceived: Object.fromEntries(NAMES.map((name) => [name, htmls.get(name)!.map(tenth)])), popupCountsShown: counts.map(tenth), popupSteps: steps.map((s) => Object.fromEntries(Object.entries(s).map(([k, v]) => [k, tenth(v)]))) };
    writeFileSync(new URL('./popup-floor-results.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
  }
} finally {
  await lifeboat.close();
}
