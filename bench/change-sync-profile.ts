// Where a sync of 100 upstream changes spends its time in Chromium: the bench's data set
// (generate-data.ts) on Cyrus IMAP, mirrored, the exports kept ready built; then `rounds` runs of
// 100 changes (50 contacts, 50 events, as sync-before-after.ts), each with the V8 sampling
// profiler on the extension's service worker (DevTools protocol, Profiler domain:
// https://chromedevtools.github.io/devtools-protocol/tot/Profiler/) and the worker's own moments
// (shared/phase-times.ts) and the CPU of Chromium's threads (thread-cpu.ts: the browser process's
// IndexedDB threads among them) over the run alone. Prints each run's moments and threads, then the
// functions' self and total time summed over the runs. Build unminified for readable names (`npx vite build --minify false
// --outDir <dir>`). Run: `npx tsx bench/change-sync-profile.ts [contacts] [rounds] [--dist <dir>]`.
import { loadavg } from 'node:os';
import { startBenchServer } from './bench-server';
import { benchChanges, benchCollections, dataSize } from './generate-data';
import { addAccount, pauseSchedule, startLifeboat, waitForRuns } from './lifeboat-browser';
import { readyExports, syncNowCounted } from './lifeboat-in-chromium';
import { attach } from './export-phases';
import { selfTimes, totalTimes, type Profile } from './cpu-profile';
import { threadCpuBetween, threadCpuMs } from './thread-cpu';
import { argValue } from './cli-args';

const numbers = process.argv.slice(2).filter((arg, i, all) => /^\d+$/.test(arg) && all[i - 1] !== '--dist');
const size = dataSize(Number(numbers[0] ?? 2000));
const rounds = Number(numbers[1] ?? 3);
const dist = argValue('--dist') ?? 'dist';

const sum = (lists: Array<Array<[string, number]>>): Array<[string, number]> => {
  const all = new Map<string, number>();
  for (const list of lists) for (const [name, ms] of list) all.set(name, (all.get(name) ?? 0) + ms);
  return [...all.entries()].sort((a, b) => b[1] - a[1]);
};
const rows = (list: Array<[string, number]>, top: number): string =>
  list
    .filter(([name]) => !name.startsWith('(idle)'))
    .slice(0, top)
    .map(([name, ms]) => `  ${(ms / rounds).toFixed(1).padStart(7)} ms/run  ${name}`)
    .join('\n');

const server = await startBenchServer('cyrus', benchCollections(size));
const lifeboat = await startLifeboat(dist);
try {
  await addAccount(lifeboat, server.account);
  await waitForRuns(lifeboat, 1, 30 * 60_000);
  await pauseSchedule(lifeboat);
  await readyExports(lifeboat);
  const { browser, extensionId } = lifeboat.ext;
  const cdp = await browser.newBrowserCDPSession();
  const worker = await attach(cdp, (t) => t.type === 'service_worker' && t.url.includes(extensionId));
  const sw = await lifeboat.ext.serviceWorker();
  await worker('Profiler.enable');
  await worker('Profiler.setSamplingInterval', { interval: 200 });
  const selfs: Array<Array<[string, number]>> = [];
  const totals: Array<Array<[string, number]>> = [];
  for (let round = 0; round < rounds; round++) {
    for (const { collection, item } of benchChanges(size, 100, round + 1)) await server.put(collection, item.name, item.data);
    await sw.evaluate(() => performance.clearMarks());
    await worker('Profiler.start');
    const threads0 = threadCpuMs(lifeboat.ext.processGroup);
    const { ms, changed } = await syncNowCounted(lifeboat);
    const threads = threadCpuBetween(threads0, threadCpuMs(lifeboat.ext.processGroup), 5);
    const { profile } = await worker<{ profile: Profile }>('Profiler.stop');
    if (changed !== 100) throw new Error(`changed ${changed}, not 100`);
    const marks = await sw.evaluate(() => performance.getEntriesByType('mark').map((m) => ({ name: m.name.replace('lifeboat:', ''), at: m.startTime })));
    const origin = marks.find((m) => m.name === 'run-asked')?.at ?? 0;
    console.log(`round ${round + 1}: run ${ms} ms (load ${loadavg()[0]!.toFixed(1)}); moments: ${marks.map((m) => `${m.name} ${(m.at - origin).toFixed(0)}`).join(', ')}`);
    console.log(`  Chromium threads over the run: ${threads.map(([name, cpu]) => `${name} ${cpu.toFixed(0)} ms`).join(', ')}`);
    selfs.push(selfTimes(profile));
    totals.push(totalTimes(profile));
    await readyExports(lifeboat);
  }
  console.log(`Service worker self time (mean of ${rounds} runs):\n${rows(sum(selfs), 30)}`);
  console.log(`Service worker total time (own and callees'):\n${rows(sum(totals).filter(([name]) => !name.startsWith('(')), 50)}`);
  await cdp.detach();
} finally {
  await lifeboat.close();
  await server.stop();
}
