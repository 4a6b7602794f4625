// Two builds' photo mirrors side by side: the photo bench's library (photo-mirror.ts: rclone
// serving N JPEGs on loopback, each run with its own server, browser and floor), taking turns so
// that neither always runs on the warmer machine. Each run's share of its own floor's speed is
// one figure, which cancels some of the load's drift between runs; the CPU Chromium spent per
// photo is the steadier one on a machine whose cores the server shares.
// Run: `npx tsx bench/photo-before-after.ts <before-dist> <after-dist> [photos] [--kb <size>] [--rounds <n>]`.
import { loadavg } from 'node:os';
import { measurePhotoMirror } from './photo-mirror';
import { median } from './timing';
import { argValue } from './cli-args';

const [before, after] = process.argv.slice(2, 4);
if (!before || !after) throw new Error('Usage: photo-before-after.ts <before-dist> <after-dist> [photos] [--kb <size>] [--rounds <n>]');
const photos = Number(process.argv[4] && /^\d+$/.test(process.argv[4]) ? process.argv[4] : 2000);
const photoBytes = Number(argValue('--kb') ?? 128) * 1024;
const rounds = Number(argValue('--rounds') ?? 3);

const ratios = new Map<string, number[]>([[before, []], [after, []]]);
const cpuPerPhoto = new Map<string, number[]>([[before, []], [after, []]]);
for (let round = 0; round < rounds; round++) {
  for (const dist of round % 2 === 0 ? [before, after] : [after, before]) {
    const load = loadavg()[0]!;
    const result = await measurePhotoMirror(photos, photoBytes, 60 * 60_000, { dist });
    ratios.get(dist)!.push(result.ratio);
    cpuPerPhoto.get(dist)!.push(result.mirrorCpuMs / photos);
    console.log(
      `  round ${round + 1} ${dist}: floor ${result.floorListMs} + ${result.floorDownloadMs} ms, mirror ${result.mirrorMs} ms, ${result.ratio} of the floor; Chromium CPU a photo: floor ${(result.floorCpuMs / photos).toFixed(2)} ms, mirror ${(result.mirrorCpuMs / photos).toFixed(2)} ms (load ${load.toFixed(1)})`,
    );
  }
}
for (const [dist, runs] of ratios) {
  const cpu = cpuPerPhoto.get(dist)!;
  console.log(`${dist}: ${runs.join(', ')} of the floor (median ${median(runs)}); Chromium CPU a photo ${cpu.map((ms) => ms.toFixed(2)).join(', ')} ms (median ${median(cpu).toFixed(2)})`);
}
