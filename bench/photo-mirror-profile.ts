// Where a photo library's first mirror spends its CPU in Chromium beyond what the floor spends:
// the photo bench's library (photo-mirror.ts: rclone serving N small JPEGs on loopback), and
// during both the floor (every file downloaded raw in the service worker) and the mirror, the
// V8 sampling profiler in the service worker and the CPU of every thread of every Chromium
// process (thread-cpu.ts). Prints, per photo, each thread's CPU in the floor and in the
// mirror, then the worker's functions with the most self time in each, and the mirror's total times.
// Needs a build; `--dist <dir>` loads another one (`npx vite build --minify false --outDir
// <dir>` keeps function names readable).
// Run: `npx tsx bench/photo-mirror-profile.ts [photos] [--kb <size>] [--no-profile] [--dist <dir>]`.
import { loadavg } from 'node:os';
import { measurePhotoMirror, type PhotoPhase } from './photo-mirror';
import { attach } from './export-phases';
import { selfTimes, startProfiler, totalTimes, type Profile } from './cpu-profile';
import { threadCpuBetween, threadCpuMs } from './thread-cpu';
import { argValue, countArg } from './cli-args';

const photos = countArg(2000);
const photoBytes = Number(argValue('--kb') ?? 128) * 1024;
const profiling = !process.argv.includes('--no-profile');
const dist = argValue('--dist') ?? 'dist';
const notIdle = ([name]: [string, number]): boolean => !name.startsWith('(idle)');

const threads: Partial<Record<PhotoPhase, Map<string, number>>> = {};
const self: Partial<Record<PhotoPhase, Map<string, number>>> = {};
let mirrorTotals: Array<[string, number]> = [];

const load = loadavg()[0]!;
const result = await measurePhotoMirror(photos, photoBytes, 60 * 60_000, {
  dist,
  around: async (lifeboat, phase) => {
    const { browser, extensionId, processGroup } = lifeboat.ext;
    const cdp = await browser.newBrowserCDPSession();
    const worker = await attach(cdp, (t) => t.type === 'service_worker' && t.url.includes(extensionId));
    if (profiling) await startProfiler(worker);
    const threads0 = threadCpuMs(processGroup);
    return async () => {
      threads[phase] = new Map(threadCpuBetween(threads0, threadCpuMs(processGroup), 0));
      if (profiling) {
        const { profile } = await worker<{ profile: Profile }>('Profiler.stop');
        self[phase] = new Map(selfTimes(profile).filter(notIdle));
        if (phase === 'mirror') mirrorTotals = totalTimes(profile).filter(([name]) => !name.startsWith('('));
      }
      await cdp.detach();
    };
  },
});

const perPhoto = (ms: number | undefined): string => ((ms ?? 0) / photos).toFixed(2).padStart(6);
/** Rows of both phases' figures, by the mirror's largest first. */
function sideBySide(floor: Map<string, number> | undefined, mirror: Map<string, number> | undefined, top: number): string {
  const names = [...new Set([...(mirror?.keys() ?? []), ...(floor?.keys() ?? [])])];
  names.sort((a, b) => (mirror?.get(b) ?? 0) - (mirror?.get(a) ?? 0));
  return names
    .slice(0, top)
    .map((name) => `  ${perPhoto(floor?.get(name))} ${perPhoto(mirror?.get(name))}  ${name}`)
    .join('\n');
}
const sum = (map: Map<string, number> | undefined): number => [...(map?.values() ?? [])].reduce((a, b) => a + b, 0);

const floorMs = result.floorListMs + result.floorDownloadMs;
console.log(
  `${photos} photos of ${photoBytes / 1024} KB (load ${load.toFixed(1)}): floor ${result.floorListMs} + ${result.floorDownloadMs} ms, first mirror ${result.mirrorMs} ms, ${result.ratio} of the floor (${(floorMs / photos).toFixed(2)} vs ${(result.mirrorMs / photos).toFixed(2)} ms a photo)`,
);
console.log(`Chromium CPU a photo, floor then mirror (all: ${perPhoto(sum(threads.floor))} ${perPhoto(sum(threads.mirror))} ms):\n${sideBySide(threads.floor, threads.mirror, 16)}`);
if (profiling) {
  console.log(`Service worker self time a photo, floor then mirror (busy: ${perPhoto(sum(self.floor))} ${perPhoto(sum(self.mirror))} ms):\n${sideBySide(self.floor, self.mirror, 30)}`);
  console.log(`Mirror, total time a photo (own and callees'):\n${mirrorTotals.slice(0, 40).map(([name, ms]) => `  ${perPhoto(ms)}  ${name}`).join('\n')}`);
}
