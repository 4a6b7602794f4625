// Two builds' first mirrors side by side on one Radicale holding the bench's data set
// (generate-data.ts), taking turns so neither always meets a warmer server, with the cheapest
// request pattern's time (floor-figures.ts) measured in the same run: each build's time, its
// ratio to the floor, and the CPU its Chromium spent (process-cpu.ts). For comparing a change
// quickly, without vdirsyncer and the other figures of `npm run bench`.
// Run: `npx tsx bench/first-mirror-before-after.ts <before-dist> <after-dist> [contacts] [--rounds <n>]`.
import { loadavg } from 'node:os';
import { startBenchServer } from './bench-server';
import { benchCollections, dataSize } from './generate-data';
import { floorFigures } from './floor-figures';
import { addAccount, countItems, runDuration, startLifeboat, waitForRuns } from './lifeboat-browser';
import { groupCpuMs } from './process-cpu';
import { median } from './timing';

const [before, after] = process.argv.slice(2, 4);
if (!before || !after) throw new Error('Usage: first-mirror-before-after.ts <before-dist> <after-dist> [contacts] [--rounds <n>]');
const contacts = Number(process.argv[4] && /^\d+$/.test(process.argv[4]) ? process.argv[4] : 10_000);
const roundsAt = process.argv.indexOf('--rounds');
const rounds = roundsAt === -1 ? 2 : Number(process.argv[roundsAt + 1]);
const size = dataSize(contacts);
const items = size.contacts + size.events + size.tasks;

async function firstMirror(dist: string): Promise<{ ms: number; cpu: number }> {
  const lifeboat = await startLifeboat(dist);
  try {
    const cpu0 = groupCpuMs(lifeboat.ext.processGroup);
    await addAccount(lifeboat, server.account);
    const run = await waitForRuns(lifeboat, 1, 30 * 60_000);
    const cpu = groupCpuMs(lifeboat.ext.processGroup) - cpu0;
    const stored = await countItems(lifeboat);
    if (stored !== items) throw new Error(`${dist} mirrored ${stored} items, not ${items}.`);
    return { ms: runDuration(run), cpu };
  } finally {
    await lifeboat.close();
  }
}

const server = await startBenchServer('radicale', benchCollections(size));
try {
  const floor = await floorFigures(server, items, rounds);
  const floorMs = median(floor.first.map((r) => r.ms));
  console.log(`${items} items; floor ${floorMs.toFixed(0)} ms (${floor.first.at(-1)!.pattern})`);
  const times = new Map<string, Array<{ ms: number; cpu: number }>>([[before, []], [after, []]]);
  for (let round = 0; round < rounds; round++) {
    for (const dist of round % 2 === 0 ? [before, after] : [after, before]) {
      const load = loadavg()[0]!;
      const run = await firstMirror(dist);
      times.get(dist)!.push(run);
      console.log(`  round ${round + 1} ${dist}: ${run.ms} ms, Chromium CPU ${run.cpu.toFixed(0)} ms (load ${load.toFixed(1)})`);
    }
  }
  for (const [dist, runs] of times) {
    const ms = median(runs.map((r) => r.ms));
    console.log(`${dist}: median ${ms.toFixed(0)} ms = ${(ms / floorMs).toFixed(2)}× the floor, Chromium CPU ${median(runs.map((r) => r.cpu)).toFixed(0)} ms`);
  }
} finally {
  await server.stop();
}
