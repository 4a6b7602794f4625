// Where an extension page's time goes before its first paint, from Chromium's own trace
// (DevTools protocol, Tracing domain: https://chromedevtools.github.io/devtools-protocol/tot/Tracing/):
// the blank page of popup-floor-pages.ts and Lifeboat's popup, each opened `openings` times in
// turns under a trace of every process, in one Chromium holding the bench's mirror. For each
// opening, on the clock of the page's own navigationStart (blink.user_timing): when the renderer's
// commit of the navigation began and ended, when it parsed the HTML, laid out and painted; and the
// renderer main thread's busy time before that paint, by task. Medians per page. Needs a build.
// Run: `npx tsx bench/popup-trace.ts [contacts] [openings] [dist folder, else dist]`.
import { traced, type TraceEvent } from './chromium-trace';
import { lifeboatWithMirror, seededMirror } from './export-bench-browser';
import { markdownTable } from './format';
import type { LifeboatBrowser } from './lifeboat-browser';
import { buildWithFloorPages, FLOOR_PAGES } from './popup-floor-pages';
import { timePopupPhases } from './popup-timing';
import { median } from './timing';
import { POPUP } from '../test/browser/extension-pages';

/** The frame an event belongs to, where it says (navigationStart, firstPaint: args.frame; others in data or beginData). */
const frameOf = (e: TraceEvent): string | undefined => e.args?.frame ?? e.args?.data?.frame ?? e.args?.beginData?.frame;

const CATEGORIES = ['devtools.timeline', 'loading', 'blink.user_timing', 'navigation', 'toplevel', 'v8.execute', 'blink', 'disabled-by-default-devtools.timeline'];

/** The scheduler's wrappers around every task of a thread: they say nothing of what ran. */
const WRAPPERS = new Set(['RunTask', 'ThreadControllerImpl::RunTask', 'ThreadPool_RunTask', 'SequenceManager::DoIdleWork', 'Receive mojo message', 'Receive mojo reply', 'SimpleWatcher::OnHandleReady']);

/** Moments looked for after the page's navigationStart: the first event of that name on its renderer. */
const MOMENTS: Array<[label: string, names: string[], end?: boolean]> = [
  ['navigation commit begins', ['RenderFrameImpl::CommitNavigation']],
  ['navigation commit ends', ['RenderFrameImpl::CommitNavigation'], true],
  ['HTML parsed', ['ParseHTML']],
  ['first layout', ['Layout']],
  ['first paint', ['firstPaint']],
];

interface Reading {
  moments: Record<string, number>;
  /** What the renderer's commit of the navigation did: its outermost named steps, ms by name. */
  commit: Map<string, number>;
  /** Renderer main thread, top-level tasks' ms by name, from navigationStart to the first paint. */
  busy: Map<string, number>;
}

/** The page's navigationStart on its renderer (the one whose URL is the extension page), then the moments after it. */
function read(events: TraceEvent[], url: string): Reading | undefined {
  const start = events.find((e) => e.name === 'navigationStart' && (e.args?.data?.documentLoaderURL ?? '').includes(url));
  if (!start) return undefined;
  const frame = frameOf(start);
  const mine = events.filter((e) => e.pid === start.pid && e.ts >= start.ts).sort((a, b) => a.ts - b.ts);
  const moments: Record<string, number> = {};
  for (const [label, names, end] of MOMENTS) {
    // Other extension pages (the options page) share the renderer: an event naming another frame is theirs.
    // After the commit began: the new tab's first document (about:blank) is parsed and laid out in the same frame before it.
    const after = moments['navigation commit begins'] === undefined ? start.ts : start.ts + moments['navigation commit begins'] * 1000;
    const found = mine.find((e) => names.includes(e.name) && e.tid === start.tid && e.ts >= after && (frameOf(e) ?? frame) === frame);
    if (found) moments[label] = (found.ts + (end ? (found.dur ?? 0) : 0) - start.ts) / 1000;
  }
  const paint = moments['first paint'];
  const busy = new Map<string, number>();
  if (paint !== undefined) {
    // The main thread's tasks are all "RunTask"s (or the scheduler's own wrappers): what each
    // did is the first named event inside it, so the time is counted under the outermost name
    // that is not a wrapper, once per task.
    const ends: number[] = [];
    for (const e of mine) {
      if (e.ph !== 'X' || e.tid !== start.tid || e.dur === undefined) continue;
      if ((e.ts - start.ts) / 1000 > paint) break;
      while (ends.length > 0 && ends.at(-1)! <= e.ts) ends.pop();
      const insideCounted = ends.length > 0;
      if (WRAPPERS.has(e.name)) continue;
      if (!insideCounted) {
        busy.set(e.name, (busy.get(e.name) ?? 0) + e.dur / 1000);
        ends.push(e.ts + e.dur);
      }
    }
  }
  return { moments, busy, commit: commitSteps(mine, start) };
}

/** The outermost events inside the page's CommitNavigation on its main thread (the one after its navigationStart). */
function commitSteps(mine: TraceEvent[], start: TraceEvent): Map<string, number> {
  const steps = new Map<string, number>();
  const commit = mine.find((e) => e.name === 'RenderFrameImpl::CommitNavigation' && e.tid === start.tid && e.dur !== undefined);
  if (!commit) return steps;
  let coveredUntil = commit.ts;
  for (const e of mine) {
    if (e === commit || e.ph !== 'X' || e.tid !== start.tid || e.dur === undefined || e.ts < coveredUntil) continue;
    if (e.ts >= commit.ts + commit.dur!) break;
    coveredUntil = e.ts + e.dur;
    steps.set(e.name, (steps.get(e.name) ?? 0) + e.dur / 1000);
  }
  return steps;
}

async function openBlank(lifeboat: LifeboatBrowser): Promise<void> {
  const page = await lifeboat.ext.context.newPage();
  try {
    await page.setViewportSize({ width: 360, height: 420 });
    await page.goto(`chrome-extension://${lifeboat.ext.extensionId}/${FLOOR_PAGES.blank}`);
    await page.waitForFunction(() => performance.getEntriesByType('paint').length > 0, undefined, { timeout: 30_000 });
  } finally {
    await page.close();
  }
}

const [contactsArg, openingsArg, distArg] = process.argv.slice(2);
const contacts = Number(contactsArg ?? 10_000);
const openings = Number(openingsArg ?? 7);
const source = await seededMirror('popup-trace', contacts);
const lifeboat = await lifeboatWithMirror(source, buildWithFloorPages(distArg ?? 'dist'));
try {
  const pages: Array<[name: string, path: string, open: () => Promise<void>]> = [
    ['blank page', FLOOR_PAGES.blank, () => openBlank(lifeboat)],
    ['popup', POPUP, async () => void (await timePopupPhases(lifeboat, contacts))],
  ];
  for (const [, , open] of pages) await open(); // files read from disk once, as after any first click
  const readings = new Map<string, Reading[]>(pages.map(([name]) => [name, []]));
  for (let round = 0; round < openings; round++) {
    for (const [name, path, open] of round % 2 === 0 ? pages : [...pages].reverse()) {
      const reading = read(await traced(lifeboat.ext.browser, CATEGORIES, open), path);
      if (reading) readings.get(name)!.push(reading);
      else console.warn(`  ${name}: no navigationStart in the trace`);
    }
  }
  for (const [name] of pages) {
    const all = readings.get(name)!;
    console.log(`\n${name}, ${all.length} traced openings: medians from navigationStart`);
    console.log(markdownTable(['Moment', 'ms'], MOMENTS.map(([label]) => [label, all.some((r) => label in r.moments) ? median(all.flatMap((r) => (label in r.moments ? [r.moments[label]!] : []))).toFixed(1) : '—'])));
    const names = [...new Set(all.flatMap((r) => [...r.busy.keys()]))];
    const busy = names.map((task) => [task, median(all.map((r) => r.busy.get(task) ?? 0))] as const).filter(([, ms]) => ms >= 0.5).sort((a, b) => b[1] - a[1]);
    console.log(`\nrenderer main thread before the first paint, top-level tasks (median ms): ${busy.map(([task, ms]) => `${task} ${ms.toFixed(1)}`).join(', ')}`);
    const inCommit = [...new Set(all.flatMap((r) => [...r.commit.keys()]))].map((step) => [step, median(all.map((r) => r.commit.get(step) ?? 0))] as const).filter(([, ms]) => ms >= 0.3).sort((a, b) => b[1] - a[1]);
    console.log(`inside the commit (median ms): ${inCommit.map(([step, ms]) => `${step} ${ms.toFixed(1)}`).join(', ')}`);
  }
} finally {
  await lifeboat.close();
}
