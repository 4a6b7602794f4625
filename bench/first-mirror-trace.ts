// Where Chromium's time goes during one first mirror, thread by thread, from its own trace
// (DevTools protocol, Tracing domain: https://chromedevtools.github.io/devtools-protocol/tot/Tracing/)
// of every process while the built extension mirrors the bench's data set from Radicale. For
// each thread busy for more than 50 ms: the trace events that took the most time (a nested event
// is counted inside its parent too), and for the browser's thread pool the tasks by where they
// were posted from (LevelDB's background compaction is `env_chromium.cc Schedule`, IndexedDB's
// transactions `QueueRunTasks`). Tracing slows every thread: read the shares, not the times.
// Needs a build. Run: `npx tsx bench/first-mirror-trace.ts [contacts] [dist folder, else dist]`.
import { traced, type TraceEvent } from './chromium-trace';
import { startBenchServer } from './bench-server';
import { benchCollections, dataSize } from './generate-data';
import { addAccount, runDuration, startLifeboat, waitForRuns } from './lifeboat-browser';
import type { RunRecord } from '../src/model/run';

const CATEGORIES = ['IndexedDB', 'disabled-by-default-IndexedDB', 'leveldb', 'toplevel', 'storage', 'base', 'blob', 'v8'];
const contacts = Number(process.argv[2] ?? 3000);
const dist = process.argv[3] ?? 'dist';

type Totals = Map<string, { ms: number; count: number }>;

function add(totals: Totals, name: string, us: number): void {
  const total = totals.get(name) ?? { ms: 0, count: 0 };
  total.ms += us / 1000;
  total.count++;
  totals.set(name, total);
}

function print(title: string, totals: Totals, rows = 25): void {
  console.log(`\n== ${title}`);
  for (const [name, { ms, count }] of [...totals].sort((a, b) => b[1].ms - a[1].ms).slice(0, rows)) {
    console.log(`${ms.toFixed(0).padStart(8)} ms ${String(count).padStart(7)}× ${name}`);
  }
}

/** Trace events by thread name and event name; begin/end pairs made into durations. */
function byThread(events: TraceEvent[]): Map<string, Totals> {
  const names = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name ?? '?');
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
    add(threads.get(thread) ?? threads.set(thread, new Map()).get(thread)!, name, us);
  }
  return threads;
}

const server = await startBenchServer('radicale', benchCollections(dataSize(contacts)));
try {
  const lifeboat = await startLifeboat(dist);
  try {
    let run: RunRecord | undefined;
    const events = await traced(lifeboat.ext.browser, CATEGORIES, async () => {
      await addAccount(lifeboat, server.account);
      run = await waitForRuns(lifeboat, 1, 30 * 60_000);
    });
    console.log(`first mirror of ${contacts} contacts (the bench's mix) under tracing: ${runDuration(run!)} ms, ${events.length} trace events`);
    for (const [thread, totals] of byThread(events)) {
      if (Math.max(...[...totals.values()].map((t) => t.ms)) > 50) print(thread, totals);
    }
    const posted: Totals = new Map();
    for (const e of events) {
      if (e.name === 'ThreadPool_RunTask' && e.ph === 'X' && e.dur !== undefined) add(posted, `${e.args?.src_file ?? '?'} ${e.args?.src_func ?? ''}`, e.dur);
    }
    print('thread pool tasks, by where they were posted from', posted, 15);
  } finally {
    await lifeboat.close();
  }
} finally {
  await server.stop();
}
