// What Chromium does for a photo mirror that it does not do for the storing floor (the same
// files downloaded and kept in IndexedDB, 32 to a transaction, and nothing else): Chromium's
// own trace of every process during each (chromium-trace.ts), per photo, thread by thread
// (named after their process), the events that took the most time in the mirror beside the
// same events in the storing floor. Tracing slows every thread: read the differences, not the
// times. Needs a build; `--dist <dir>` loads another one.
// Run: `npx tsx bench/photo-mirror-trace.ts [photos] [--kb <size>] [--dist <dir>]`.
import { byThread, poolTasksByOrigin, startTracing, type TraceEvent, type Totals } from './chromium-trace';
import { measurePhotoMirror, type PhotoPhase } from './photo-mirror';
import { argValue, countArg } from './cli-args';

const CATEGORIES = ['IndexedDB', 'disabled-by-default-IndexedDB', 'leveldb', 'toplevel', 'storage', 'blob', 'ServiceWorker', 'v8', 'mojom'];
const photos = countArg(2000);
const photoBytes = Number(argValue('--kb') ?? 128) * 1024;
const dist = argValue('--dist') ?? 'dist';

const traces: Partial<Record<PhotoPhase, TraceEvent[]>> = {};
const result = await measurePhotoMirror(photos, photoBytes, 60 * 60_000, {
  dist,
  storingFloor: true,
  around: async (lifeboat, phase) => {
    if (phase === 'floor') return () => Promise.resolve();
    const stop = await startTracing(lifeboat.ext.browser, CATEGORIES);
    return async () => {
      traces[phase] = await stop();
    };
  },
});

const perPhoto = (ms: number | undefined): string => ((ms ?? 0) / photos).toFixed(3).padStart(7);
const busiest = (totals: Totals | undefined): number => Math.max(0, ...[...(totals?.values() ?? [])].map((t) => t.ms));

/** Rows of both phases' events, by the mirror's largest first. */
function sideBySide(title: string, storing: Totals | undefined, mirror: Totals | undefined, rows: number): void {
  console.log(`\n== ${title}   (ms a photo: storing floor, mirror; mirror's event count)`);
  const names = [...new Set([...(mirror?.keys() ?? []), ...(storing?.keys() ?? [])])];
  names.sort((a, b) => (mirror?.get(b)?.ms ?? 0) - (mirror?.get(a)?.ms ?? 0));
  for (const name of names.slice(0, rows)) {
    console.log(`  ${perPhoto(storing?.get(name)?.ms)} ${perPhoto(mirror?.get(name)?.ms)} ${String(mirror?.get(name)?.count ?? 0).padStart(7)}×  ${name}`);
  }
}

console.log(`${photos} photos of ${photoBytes / 1024} KB under tracing: storing floor ${result.storingFloorMs} ms, mirror ${result.mirrorMs} ms`);
const storing = byThread(traces.storing ?? [], true);
const mirror = byThread(traces.mirror ?? [], true);
const threads = [...new Set([...mirror.keys(), ...storing.keys()])].filter((t) => Math.max(busiest(mirror.get(t)), busiest(storing.get(t))) > photos * 0.05);
threads.sort((a, b) => busiest(mirror.get(b)) - busiest(mirror.get(a)));
for (const thread of threads) sideBySide(thread, storing.get(thread), mirror.get(thread), 14);
sideBySide('thread pool tasks, by where they were posted from', poolTasksByOrigin(traces.storing ?? []), poolTasksByOrigin(traces.mirror ?? []), 14);
