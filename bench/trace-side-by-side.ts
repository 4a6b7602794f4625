// `npx tsx bench/trace-side-by-side.ts [contacts] [rounds]`: where the side-by-side's time goes.
// The same data and the same clicks as side-by-side.ts, once or a few times, with the moments
// the extension marks itself (shared/phase-times.ts: add account, discovery, the run, the
// listing, each batch fetched and stored), the worker's own Resource Timing of every request
// (https://w3c.github.io/resource-timing/), and the popup's moments, all on one clock from the
// click; then the cheapest request pattern for the same contacts (floor-figures.ts) and
// vdirsyncer's first sync, in the same run. Prints one timeline and a summary per round.
import type { Worker } from 'playwright-core';
import { openPopup, waitForMirror } from '../test/browser/extension-pages';
import { startBenchServer } from './bench-server';
import { floorFigures } from './floor-figures';
import { FIRST_MIRROR_CANDIDATES } from './floor-pattern';
import { benchCollections } from './generate-data';
import { startLifeboat } from './lifeboat-browser';
import { prepareVdirsyncer } from './vdirsyncer-run';
import { popupShowedAt, watchPopupShows } from './popup-seen';
import { loadavg } from 'node:os';

interface Span {
  name: string;
  start: number;
  end: number;
  bytes: number;
}

interface WorkerTrace {
  origin: number;
  marks: Array<{ name: string; at: number }>;
  requests: Span[];
}

function readWorker(worker: Worker): Promise<WorkerTrace> {
  return worker.evaluate(() => ({
    origin: performance.timeOrigin,
    marks: performance.getEntriesByType('mark').map((m) => ({ name: m.name.replace('lifeboat:', ''), at: m.startTime })),
    requests: (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((r) => ({ name: r.name, start: r.startTime, end: r.responseEnd, bytes: r.encodedBodySize })),
  }));
}

/** Milliseconds during which at least one request was in flight, between `from` and `to`. */
function busy(spans: Span[], from: number, to: number): number {
  let total = 0;
  let until = from;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const start = Math.max(span.start, until);
    const end = Math.min(span.end, to);
    if (end > start) total += end - start;
    until = Math.max(until, span.end);
  }
  return total;
}

const ms = (value: number): string => `${Math.round(value)} ms`;

async function traceLifeboat(account: Parameters<typeof prepareVdirsyncer>[0], contacts: number): Promise<number> {
  const lifeboat = await startLifeboat();
  try {
    const worker = await lifeboat.ext.serviceWorker();
    await worker.evaluate(() => performance.setResourceTimingBufferSize(100_000));
    const form = lifeboat.page.locator('form.add-account');
    await form.getByLabel('Server address', { exact: true }).fill(account.url);
    await form.getByLabel('User name').fill(account.username);
    await form.getByLabel('Password or app password').fill(account.password);
    await form.getByLabel('Name for this account (optional)').fill('Benchmark');
    const click = Date.now();
    await form.getByRole('button', { name: 'Add account', exact: true }).click();
    await form.locator('.message').filter({ hasText: 'Account added' }).waitFor({ timeout: 60_000 });
    const added = Date.now() - click;
    const popup = await openPopup(lifeboat.ext);
    const popupReady = Date.now() - click;
    await watchPopupShows(popup, contacts);
    await waitForMirror(popup, contacts, 300_000);
    const shown = Date.now() - click;
    const seen = await popupShowedAt(popup);
    const trace = await readWorker(await lifeboat.ext.serviceWorker());
    const at = (t: number): number => trace.origin + t - click;
    const marks = trace.marks.map((m) => ({ name: m.name, at: at(m.at) }));
    const requests = trace.requests.map((r) => ({ ...r, start: at(r.start), end: at(r.end) }));
    const lines: Array<[number, string]> = [
      [0, 'click "Add account"'],
      [added, 'form says "Account added"'],
      [popupReady, 'popup open, frame painted'],
      [shown, 'popup shows every contact, status ok (as the test driver saw it)'],
      [seen.count - click, "popup's own page: full count"],
      [seen.ok - click, 'popup\'s own page: "up to date"'],
      ...marks.filter((m) => !m.name.startsWith('batch')).map((m): [number, string] => [m.at, `worker: ${m.name}`]),
      ...requests.map((r): [number, string] => [r.start, `request ${r.name.replace(account.url, '').slice(0, 40) || '/'} → ${ms(r.end - r.start)}, ${Math.round(r.bytes / 1024)} KB`]),
    ];
    for (const [time, text] of lines.sort((a, b) => a[0] - b[0])) console.log(`  ${String(Math.round(time)).padStart(6)}  ${text}`);
    const fetched = marks.filter((m) => m.name === 'batch-fetched');
    const stored = marks.filter((m) => m.name === 'batch-stored');
    const mark = (name: string): number => marks.find((m) => m.name === name)?.at ?? NaN;
    const first = mark('run-begins');
    const ended = mark('run-ended');
    console.log(`  batches: ${stored.length}; store per batch: ${stored.map((s, i) => Math.round(s.at - fetched[i]!.at)).join(', ')} ms`);
    console.log(`  requests: ${requests.length}, ${Math.round(requests.reduce((a, r) => a + r.bytes, 0) / 1024)} KB; in flight ${ms(busy(requests, first, ended))} of the run's ${ms(ended - first)}`);
    console.log(
      `  phases: click→discovered ${ms(mark('add-discovered'))}, →saved ${ms(mark('add-saved') - mark('add-discovered'))}, →run begins ${ms(first - mark('add-saved'))}, →listed ${ms(mark('listed') - first)}, →last batch stored ${ms(stored.at(-1)!.at - mark('listed'))}, →run ended ${ms(ended - stored.at(-1)!.at)}, →popup shows ${ms(shown - ended)} (popup ready at ${ms(popupReady)})`,
    );
    return shown;
  } finally {
    await lifeboat.close();
  }
}

const contacts = Number(process.argv[2] ?? 3000);
const rounds = Number(process.argv[3] ?? 1);
const [book] = benchCollections({ contacts, events: 0, tasks: 0 });
const server = await startBenchServer('radicale', [book!]);
try {
  for (let round = 0; round < rounds; round++) {
    console.log(`round ${round + 1}, load ${loadavg()[0]!.toFixed(2)}`);
    const lifeboat = await traceLifeboat(server.account, contacts);
    const vdirsyncer = await prepareVdirsyncer(server.account);
    await vdirsyncer.discover();
    const sync = await vdirsyncer.sync();
    await vdirsyncer.remove();
    const floor = await floorFigures(server, contacts, 1, FIRST_MIRROR_CANDIDATES);
    const floorMs = floor.first[0]!.ms;
    console.log(`  Lifeboat ${ms(lifeboat)}, vdirsyncer ${ms(sync)}, floor ${ms(floorMs)} (${floor.first[0]!.pattern}; tried ${floor.candidates.map((c) => `${c.batch}×${c.inFlight}: ${ms(c.ms)}`).join(', ')}), vdirsyncer ÷ Lifeboat ${(sync / lifeboat).toFixed(2)}×, vdirsyncer ÷ floor ${(sync / floorMs).toFixed(2)}×; load ${loadavg()[0]!.toFixed(2)}`);
  }
} finally {
  await server.stop();
}
