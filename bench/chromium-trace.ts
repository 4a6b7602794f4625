// Chromium's own trace of every process while `run` runs (DevTools protocol, Tracing domain:
// https://chromedevtools.github.io/devtools-protocol/tot/Tracing/), for the scripts that read it
// (popup-trace.ts, first-mirror-trace.ts, photo-mirror-trace.ts), and its events summed by
// thread and name.
import type { Browser, CDPSession } from 'playwright-core';

/** One event of Chromium's trace event format; `args` holds what each kind of event carries. */
export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: {
    name?: string;
    src_file?: string;
    src_func?: string;
    data?: { documentLoaderURL?: string; url?: string; frame?: string };
    beginData?: { frame?: string };
    frame?: string;
  };
}

/** Starts tracing every process; the function it returns ends the trace and gives its events. */
export async function startTracing(browser: Browser, categories: string[]): Promise<() => Promise<TraceEvent[]>> {
  const cdp: CDPSession = await browser.newBrowserCDPSession();
  const events: TraceEvent[] = [];
  // The protocol types each event as a string map; Chromium's trace event format has these fields.
  cdp.on('Tracing.dataCollected', ({ value }) => void events.push(...(value as unknown as TraceEvent[])));
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: categories }, transferMode: 'ReportEvents' });
  return async () => {
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
    return events;
  };
}

export async function traced(browser: Browser, categories: string[], run: () => Promise<void>): Promise<TraceEvent[]> {
  const stop = await startTracing(browser, categories);
  await run();
  return stop();
}

/** Time and number of events, by event name. */
export type Totals = Map<string, { ms: number; count: number }>;

export function addTo(totals: Totals, name: string, us: number): void {
  const total = totals.get(name) ?? { ms: 0, count: 0 };
  total.ms += us / 1000;
  total.count++;
  totals.set(name, total);
}

/**
 * Trace events by thread name and event name; begin/end pairs made into durations (a nested
 * event counts inside its parent too). `withProcess` names each thread after its process too
 * ("Renderer/CrRendererMain"), so that the same thread of two processes is told apart.
 */
export function byThread(events: TraceEvent[], withProcess = false): Map<string, Totals> {
  const processes = new Map<number, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'process_name') processes.set(e.pid, e.args?.name ?? '?');
  const names = new Map<string, string>();
  for (const e of events) {
    if (e.ph !== 'M' || e.name !== 'thread_name') continue;
    const thread = e.args?.name ?? '?';
    names.set(`${e.pid}:${e.tid}`, withProcess ? `${processes.get(e.pid) ?? e.pid}/${thread}` : thread);
  }
  const threads = new Map<string, Totals>();
  const open = new Map<string, TraceEvent[]>();
  for (const e of [...events].sort((a, b) => a.ts - b.ts)) {
    const key = `${e.pid}:${e.tid}`;
    let us: number | undefined;
    let name = e.name;
    if (e.ph === 'X') us = e.dur;
    else if (e.ph === 'B') (open.get(key) ?? open.set(key, []).get(key)!).push(e);
    else if (e.ph === 'E') {
      const begin = open.get(key)?.pop();
      if (begin) [us, name] = [e.ts - begin.ts, begin.name];
    }
    if (us === undefined) continue;
    const thread = names.get(key) ?? key;
    addTo(threads.get(thread) ?? threads.set(thread, new Map()).get(thread)!, name, us);
  }
  return threads;
}

/** The thread pool's tasks by where they were posted from (IndexedDB's transactions are `QueueRunTasks`). */
export function poolTasksByOrigin(events: TraceEvent[]): Totals {
  const posted: Totals = new Map();
  for (const e of events) {
    if (e.name === 'ThreadPool_RunTask' && e.ph === 'X' && e.dur !== undefined) addTo(posted, `${e.args?.src_file ?? '?'} ${e.args?.src_func ?? ''}`, e.dur);
  }
  return posted;
}

export function printTotals(title: string, totals: Totals, rows = 25): void {
  console.log(`\n== ${title}`);
  for (const [name, { ms, count }] of [...totals].sort((a, b) => b[1].ms - a[1].ms).slice(0, rows)) {
    console.log(`${ms.toFixed(0).padStart(8)} ms ${String(count).padStart(7)}× ${name}`);
  }
}
