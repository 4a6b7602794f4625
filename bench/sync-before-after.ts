// `npx tsx bench/sync-before-after.ts <before-dist> <after-dist> [contacts] [rounds]`: the
// no-change sync and the sync of 100 upstream changes of two builds, side by side on one Cyrus
// IMAP seeded as the benchmark seeds it (default 10,000 contacts + 10,000 events + 1,000 tasks),
// each against the floor (bench/floor-client.ts, batches of 500, 4 in flight: the cheapest at
// that size in the quiet run). Both builds mirror the server first; then each round times the
// floor and both builds one after the other, the builds' order alternating, with the load noted.
// Figures are each run record's `startedAt` → `finishedAt`, as the benchmark judges them.
import { loadavg } from 'node:os';
import { startBenchServer } from './bench-server';
import { benchChanges, benchCollections, dataSize } from './generate-data';
import { addAccount, pauseSchedule, startLifeboat, waitForRuns, countItems, type LifeboatBrowser } from './lifeboat-browser';
import { readyExports, syncNowCounted } from './lifeboat-in-chromium';
import { FloorClient } from './floor-client';

const [beforeDist, afterDist] = [process.argv[2] ?? 'dist', process.argv[3] ?? 'dist'];
const size = dataSize(Number(process.argv[4] ?? 10_000));
const rounds = Number(process.argv[5] ?? 5);
const items = size.contacts + size.events + size.tasks;

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const load = () => loadavg()[0]!.toFixed(1);

interface Build {
  name: string;
  lifeboat: LifeboatBrowser;
  still: number[];
  moved: number[];
}

async function mirrored(name: string, dist: string, account: Parameters<typeof addAccount>[1]): Promise<Build> {
  const lifeboat = await startLifeboat(dist);
  await addAccount(lifeboat, account);
  const run = await waitForRuns(lifeboat, 1, 600_000);
  await pauseSchedule(lifeboat);
  const stored = await countItems(lifeboat);
  if (stored !== items) throw new Error(`${name} mirrored ${stored} items, not ${items}.`);
  await readyExports(lifeboat);
  console.log(`${name}: first mirror ${run.finishedAt! - run.startedAt} ms (load ${load()})`);
  return { name, lifeboat, still: [], moved: [] };
}

/** One "Sync now" of a build, the exports it made stale rebuilt before anything else runs. */
async function synced(build: Build, changes: number): Promise<number> {
  const { ms, changed } = await syncNowCounted(build.lifeboat);
  if (changed !== changes) throw new Error(`${build.name}: changed ${changed}, not ${changes}.`);
  await readyExports(build.lifeboat);
  return ms;
}

console.log(`seeding Cyrus IMAP with ${items} items… (load ${load()})`);
const server = await startBenchServer('cyrus', benchCollections(size));
const builds: Build[] = [];
try {
  const floor = new FloorClient(server.account, server.vcard4);
  const first = await floor.firstMirror({ batch: 500, inFlight: 4 });
  if (first.items !== items) throw new Error(`The floor fetched ${first.items} items, not ${items}.`);
  builds.push(await mirrored('before', beforeDist, server.account));
  builds.push(await mirrored('after', afterDist, server.account));
  const floorStill: number[] = [];
  const floorMoved: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? builds : [...builds].reverse();
    floorStill.push((await floor.sync()).ms);
    for (const build of order) build.still.push(await synced(build, 0));
    console.log(`no-change round ${round + 1}: floor ${floorStill.at(-1)!.toFixed(0)} ms, ${builds.map((b) => `${b.name} ${b.still.at(-1)} ms`).join(', ')} (load ${load()})`);
  }
  for (let round = 0; round < rounds; round++) {
    for (const { collection, item } of benchChanges(size, 100, round + 1)) await server.put(collection, item.name, item.data);
    const order = round % 2 === 0 ? builds : [...builds].reverse();
    const run = await floor.sync();
    if (run.items !== 100) throw new Error(`The floor fetched ${run.items} items, not 100.`);
    floorMoved.push(run.ms);
    for (const build of order) build.moved.push(await synced(build, 100));
    console.log(`100-change round ${round + 1}: floor ${floorMoved.at(-1)!.toFixed(0)} ms, ${builds.map((b) => `${b.name} ${b.moved.at(-1)} ms`).join(', ')} (load ${load()})`);
  }
  const row = (label: string, floorMs: number[], pick: (b: Build) => number[]) => {
    const f = median(floorMs);
    console.log(`${label}: floor ${f.toFixed(0)} ms; ${builds.map((b) => `${b.name} ${median(pick(b))} ms (${(median(pick(b)) / f).toFixed(2)}× floor) [${pick(b).join(', ')}]`).join('; ')}`);
  };
  console.log(`\nmedians of ${rounds}, ${items} items on Cyrus IMAP (load at the end ${loadavg().map((l) => l.toFixed(1)).join(' / ')}):`);
  row('no-change sync', floorStill, (b) => b.still);
  row('100 upstream changes', floorMoved, (b) => b.moved);
} finally {
  for (const build of builds) await build.lifeboat.close();
  await server.stop();
}
