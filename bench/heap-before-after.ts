// Two builds' first mirrors compared in one run: one Radicale seeded once with the bench's mix
// (10,000 contacts, 10,000 events, 1,000 tasks at the default size), then each build's first
// mirror in a fresh profile, in turns (alternating which goes first, so both see the same load),
// with the worker's heap sampled as the bench samples it (worker-heap.ts: used heap every
// 100 ms, garbage included). Prints the peak and the run's duration of each mirror and the load
// average. With `--live`, garbage is collected before each sample (every 500 ms): the peak of
// what the worker holds rather than of what V8 has not yet collected. Needs `npm run build` and
// a copy of an earlier `dist` (or two: `--after <dist>` for another than `dist`).
// Run: `npx tsx bench/heap-before-after.ts <earlier dist> [contacts] [rounds] [--live] [--after <dist>]`.
import { loadavg } from 'node:os';
import { startBenchServer } from './bench-server';
import { benchCollections, dataSize } from './generate-data';
import { firstMirror } from './lifeboat-in-chromium';
import { median } from './timing';

const args = process.argv.slice(2);
const liveOnly = args.includes('--live');
const afterAt = args.indexOf('--after');
const after = afterAt >= 0 ? args.splice(afterAt, 2)[1]! : 'dist';
const [before, contactsArg, roundsArg] = args.filter((arg) => arg !== '--live');
if (!before) throw new Error('Usage: heap-before-after.ts <earlier dist> [contacts] [rounds]');
const size = dataSize(Number(contactsArg ?? 10_000));
const rounds = Number(roundsArg ?? 3);
const items = size.contacts + size.events + size.tasks;
const builds: Array<[string, string]> = [['before', before], ['after', after]];
const server = await startBenchServer('radicale', benchCollections(size));
const peaks = new Map<string, number[]>(builds.map(([name]) => [name, []]));
const times = new Map<string, number[]>(builds.map(([name]) => [name, []]));
const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);
try {
  for (let round = 0; round < rounds; round++) {
    for (const [name, dist] of round % 2 === 0 ? builds : [...builds].reverse()) {
      const load = loadavg()[0]!.toFixed(1);
      const mirror = await firstMirror(server.account, items, 120_000 + items * 100, dist, liveOnly ? { liveOnly, intervalMs: 500 } : {});
      await mirror.lifeboat.close();
      peaks.get(name)!.push(mirror.heapPeakBytes);
      times.get(name)!.push(mirror.ms);
      console.log(`round ${round + 1} ${name}: heap peak ${mb(mirror.heapPeakBytes)} MB, first mirror ${(mirror.ms / 1000).toFixed(1)} s (${mirror.heapSamples} samples, load ${load})`);
    }
  }
  for (const [name] of builds) {
    console.log(`${name}: heap peaks ${peaks.get(name)!.map(mb).join(', ')} MB (median ${mb(median(peaks.get(name)!))}); first mirror median ${(median(times.get(name)!) / 1000).toFixed(1)} s`);
  }
} finally {
  await server.stop();
}
