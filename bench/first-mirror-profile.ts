// Where a first mirror's CPU goes in Chromium: the bench's data set (generate-data.ts) on
// Radicale, the account added in the options page, and while the first mirror runs, the V8
// sampling profiler in the extension's service worker (DevTools protocol, Profiler domain,
// through a session on the worker's target: export-phases.ts) and the CPU of every thread of
// every Chromium process (thread-cpu.ts: the browser process's IndexedDB threads among them).
// Prints the functions with the most self time, those with the most total time, and the threads.
// Needs a build; `--dist <dir>` loads another one (an unminified `npx vite build --minify false
// --outDir dist-profile` keeps function names readable).
// Run: `npx tsx bench/first-mirror-profile.ts [contacts] [--events <n>] [--no-profile] [--dist <dir>]`.
import { loadavg } from 'node:os';
import { startBenchServer } from './bench-server';
import { benchCollections } from './generate-data';
import { addAccount, countItems, runDuration, startLifeboat, waitForRuns } from './lifeboat-browser';
import { attach } from './export-phases';
import { msRows as rows, selfTimes, startProfiler, totalTimes, type Profile } from './cpu-profile';
import { threadCpuBetween, threadCpuMs } from './thread-cpu';
import { argValue, countArg } from './cli-args';

const contacts = countArg(3000);
const events = Number(argValue('--events') ?? contacts);
const tasks = Math.round(contacts / 10);
const profiling = !process.argv.includes('--no-profile');
const dist = argValue('--dist') ?? 'dist';

const server = await startBenchServer('radicale', benchCollections({ contacts, events, tasks }));
try {
  const lifeboat = await startLifeboat(dist);
  try {
    const { browser, extensionId, processGroup } = lifeboat.ext;
    const cdp = await browser.newBrowserCDPSession();
    const worker = await attach(cdp, (t) => t.type === 'service_worker' && t.url.includes(extensionId));
    if (profiling) await startProfiler(worker);
    const load = loadavg()[0]!;
    const threads0 = threadCpuMs(processGroup);
    await addAccount(lifeboat, server.account);
    const run = await waitForRuns(lifeboat, 1, 30 * 60_000);
    const threads1 = threadCpuMs(processGroup);
    const stored = await countItems(lifeboat);
    console.log(`${contacts} contacts + ${events} events + ${tasks} tasks: first mirror ${runDuration(run)} ms, ${stored} items stored (load ${load.toFixed(1)})`);
    const threads = threadCpuBetween(threads0, threads1);
    const clientCpu = threads.reduce((sum, [, ms]) => sum + ms, 0);
    console.log(`Chromium CPU by process / thread (all ${clientCpu.toFixed(0)} ms):\n${rows(threads, 14, clientCpu)}`);
    if (profiling) {
      const { profile } = await worker<{ profile: Profile }>('Profiler.stop');
      const self = selfTimes(profile);
      const busy = self.filter(([name]) => !name.startsWith('(idle)')).reduce((sum, [, ms]) => sum + ms, 0);
      console.log(`Service worker, busy ${busy.toFixed(0)} ms; self time:\n${rows(self.filter(([name]) => !name.startsWith('(idle)')), 30, busy)}`);
      console.log(`Service worker, total time (own and callees'):\n${rows(totalTimes(profile).filter(([name]) => !name.startsWith('(')), 45, busy)}`);
    }
    await cdp.detach();
  } finally {
    await lifeboat.close();
  }
} finally {
  await server.stop();
}
