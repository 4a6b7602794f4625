// What keeping the bytes in IndexedDB costs a photo mirror, whoever writes it: in each run, the
// floor (the folders listed and every file downloaded raw in the service worker), the storing
// floor (the same downloads with each file's bytes put into IndexedDB, 32 to a transaction:
// photo-mirror.ts storingFloorInWorker) and Lifeboat's first mirror, in one browser against
// one rclone. Prints each run's three times and the shares of the floor's speed that the
// storing floor and the mirror reach: the photo target (0.8 of the floor) is out of any
// extension's reach where the storing floor itself falls below it.
// Run: `npx tsx bench/photo-storing-floor.ts [photos] [--kb <size>] [--rounds <n>]`.
import { loadavg } from 'node:os';
import { measurePhotoMirror } from './photo-mirror';
import { median } from './timing';
import { argValue, countArg } from './cli-args';

const photos = countArg(10_000);
const photoBytes = Number(argValue('--kb') ?? 128) * 1024;
const rounds = Number(argValue('--rounds') ?? 3);
const share = (floorMs: number, ms: number): number => Math.round((floorMs / ms) * 100) / 100;

const storing: number[] = [];
const mirror: number[] = [];
for (let round = 0; round < rounds; round++) {
  const load = loadavg()[0]!;
  const result = await measurePhotoMirror(photos, photoBytes, 60 * 60_000, { storingFloor: true });
  const floorMs = result.floorListMs + result.floorDownloadMs;
  const storingMs = result.floorListMs + result.storingFloorMs!;
  storing.push(share(floorMs, storingMs));
  mirror.push(result.ratio);
  console.log(
    `  round ${round + 1}: floor ${result.floorListMs} + ${result.floorDownloadMs} ms, storing floor ${result.floorListMs} + ${result.storingFloorMs} ms (${share(floorMs, storingMs)} of the floor), mirror ${result.mirrorMs} ms (${result.ratio} of the floor, ${share(storingMs, result.mirrorMs)} of the storing floor) (load ${load.toFixed(1)})`,
  );
}
console.log(`${photos} photos of ${photoBytes / 1024} KB: storing floor ${storing.join(', ')} of the floor (median ${median(storing)}); mirror ${mirror.join(', ')} (median ${median(mirror)})`);
