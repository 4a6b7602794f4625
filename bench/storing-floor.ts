// The storing floor: what keeping the copy costs a browser extension at the least. On one
// server (Radicale, or Cyrus IMAP with `--server cyrus`) seeded with the bench's mix
// (generate-data.ts, as run-size.ts seeds it through bench-server.ts), in rounds that
// take turns: the floor as the bench measures it (floor-figures.ts picks its cheapest batching,
// the plain Node client of floor-client.ts, storing nothing), the same client and pattern run in
// a page of the built extension in headless Chromium storing every text into IndexedDB
// (storing-floor-page.ts), and with `--lifeboat` Lifeboat's own first mirror. Each with its wall
// time, requests, the CPU its client and the server spent (process-cpu.ts, process-tree-cpu.ts)
// and the load average. Needs a build (`npm run build`). Writes bench/storing-floor-results.json
// (one entry per server and size).
// `--fetch-only` adds the floor client in the same page storing nothing: what Chromium alone adds.
// Run: `npx tsx bench/storing-floor.ts [--server radicale|cyrus] [--contacts 10000] [--rounds 3] [--lifeboat] [--fetch-only]`.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { SERVER_NAMES, startBenchServer, type BenchServer, type ServerName } from './bench-server';
import { floorFigures } from './floor-figures';
import { FloorClient } from './floor-client';
import { FLOOR_CANDIDATES, type FloorPattern } from './floor-pattern';
import { formatMs, formatRatio, markdownTable } from './format';
import { benchCollections, dataSize } from './generate-data';
import { addAccount, countItems, runDuration, startLifeboat, waitForRuns } from './lifeboat-browser';
import { describeMachine } from './machine';
import { groupCpuMs, groupEnded, ownCpuMs } from './process-cpu';
import { dropDatabase, loadStoringFloor, runStoringFloor } from './storing-floor-bundle';
import { threadCpuBetween, threadCpuMs } from './thread-cpu';
import { median } from './timing';

type ClientName = 'floor' | 'floor in Chromium' | 'storing floor' | 'Lifeboat';

interface Measured {
  ms: number;
  requests: number | null;
  /** CPU ms of the client: this Node process (floor) or Chromium's process group. */
  clientCpu: number;
  /** CPU ms of the server, every process of it. */
  serverCpu: number;
  load: number;
  /** Chromium's busiest threads, "process type / thread" → CPU ms. */
  threads?: Array<[string, number]>;
}

const optionText = (name: string): string | undefined => {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
};
const option = (name: string, fallback: number): number => Number(optionText(name) ?? fallback);
const serverName = (optionText('--server') ?? 'radicale') as ServerName;
if (!SERVER_NAMES.includes(serverName)) throw new Error(`--server must be one of ${SERVER_NAMES.join(', ')}, not ${serverName}.`);
const contacts = option('--contacts', 10_000);
const rounds = option('--rounds', 3);
const withLifeboat = process.argv.includes('--lifeboat');
const withFetchOnly = process.argv.includes('--fetch-only');
const size = dataSize(contacts);
const items = size.contacts + size.events + size.tasks;
const RESULTS = new URL('./storing-floor-results.json', import.meta.url);

/** A fresh browser's own start-up work (profile, extension's worker) left to finish before the clock. */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 1000));

/** Times `task` (its own ms) with the server's CPU and the client's around it. */
async function measured(server: BenchServer, clientCpu: () => number, task: () => Promise<{ ms: number; requests: number | null }>): Promise<Measured> {
  const load = loadavg()[0]!;
  const [server0, client0] = [server.cpuMs(), clientCpu()];
  const { ms, requests } = await task();
  return { ms, requests, clientCpu: clientCpu() - client0, serverCpu: server.cpuMs() - server0, load };
}

function floor(server: BenchServer, pattern: FloorPattern): Promise<Measured> {
  return measured(server, ownCpuMs, async () => {
    const run = await new FloorClient(server.account, server.vcard4).firstMirror(pattern);
    if (run.items !== items) throw new Error(`The floor fetched ${run.items} items, not ${items}.`);
    return run;
  });
}

/** A fresh profile per round; its start and the page's loading are outside the figures. */
async function storingFloor(server: BenchServer, pattern: FloorPattern, round: number, store: boolean): Promise<Measured> {
  const lifeboat = await startLifeboat();
  try {
    await loadStoringFloor(lifeboat.page);
    await settle();
    const database = `storing-floor-${round}`;
    const group = lifeboat.ext.processGroup;
    const threads0 = threadCpuMs(group);
    const run = await measured(server, () => groupCpuMs(group), async () => {
      const stored = await runStoringFloor(lifeboat.page, { account: server.account, vcard4: server.vcard4, pattern, database, store });
      if (stored.items !== items || stored.stored !== (store ? items : 0)) throw new Error(`The storing floor fetched ${stored.items} items and stored ${stored.stored}, not ${items}.`);
      return stored;
    });
    const threads = threadCpuBetween(threads0, threadCpuMs(group), 50).slice(0, 8);
    await dropDatabase(lifeboat.page, database);
    return { ...run, threads };
  } finally {
    await lifeboat.close();
    await groupEnded(lifeboat.ext.processGroup);
  }
}

/** Lifeboat's first mirror as first-mirror-before-after.ts times it: the engine's own run record. */
async function lifeboatFirst(server: BenchServer): Promise<Measured> {
  const lifeboat = await startLifeboat();
  try {
    await settle();
    const group = lifeboat.ext.processGroup;
    const threads0 = threadCpuMs(group);
    const run = await measured(server, () => groupCpuMs(group), async () => {
      await addAccount(lifeboat, server.account);
      const record = await waitForRuns(lifeboat, 1, 30 * 60_000);
      return { ms: runDuration(record), requests: null };
    });
    const threads = threadCpuBetween(threads0, threadCpuMs(group), 50).slice(0, 8);
    const stored = await countItems(lifeboat);
    if (stored !== items) throw new Error(`Lifeboat mirrored ${stored} items, not ${items}.`);
    return { ...run, threads };
  } finally {
    await lifeboat.close();
    await groupEnded(lifeboat.ext.processGroup);
  }
}

const round1 = (n: number): number => Math.round(n * 10) / 10;
const cores = cpus().length;
/**
 * The least wall time a client's CPU and the server's allow on this machine's cores, whatever
 * the load: CPU time stretches far less than wall time on a busy machine (process-cpu.ts). A
 * bound only where neither side is held to one thread: Cyrus forks an httpd per connection, and
 * its floor took about this long in the quiet run; Radicale answers on one thread, so its floor
 * is its own CPU time, not this.
 */
const cpuBound = (m: { clientCpu: number; serverCpu: number }): number => (m.clientCpu + m.serverCpu) / cores;
const medianOf = (runs: Measured[], pick: (m: Measured) => number): number => median(runs.map(pick));

console.log(`Seeding ${serverName} with ${contacts} contacts, ${size.events} events, ${size.tasks} tasks (load ${loadavg()[0]!.toFixed(1)})…`);
const server = await startBenchServer(serverName, benchCollections(size));
try {
  // Each batching once, then the cheapest once more (floor-figures.ts): the bench's own choice.
  const { candidates } = await floorFigures(server, items, 1, FLOOR_CANDIDATES);
  const cheapest = candidates.reduce((best, c, index) => (c.ms < candidates[best]!.ms ? index : best), 0);
  const pattern = FLOOR_CANDIDATES[cheapest]!;
  console.log(`${items} items; cheapest batching: ${candidates[cheapest]!.pattern}`);

  const clients: ClientName[] = ['floor', ...(withFetchOnly ? ['floor in Chromium' as const] : []), 'storing floor', ...(withLifeboat ? ['Lifeboat' as const] : [])];
  const runs = new Map<ClientName, Measured[]>(clients.map((c) => [c, []]));
  for (let round = 0; round < rounds; round++) {
    for (const client of round % 2 === 0 ? clients : [...clients].reverse()) {
      const run =
        client === 'floor' ? await floor(server, pattern) : client === 'Lifeboat' ? await lifeboatFirst(server) : await storingFloor(server, pattern, round, client === 'storing floor');
      runs.get(client)!.push(run);
      console.log(`  round ${round + 1} ${client}: ${formatMs(run.ms)}, ${run.requests ?? '—'} requests, client CPU ${formatMs(run.clientCpu)}, ${serverName} CPU ${formatMs(run.serverCpu)} (load ${run.load.toFixed(1)})`);
      if (run.threads) console.log(`    ${run.threads.map(([thread, ms]) => `${thread} ${formatMs(ms)}`).join('; ')}`);
    }
  }

  const medians = Object.fromEntries(
    clients.map((c) => {
      const r = runs.get(c)!;
      return [c, { ms: medianOf(r, (m) => m.ms), clientCpu: medianOf(r, (m) => m.clientCpu), serverCpu: medianOf(r, (m) => m.serverCpu), requests: r[0]!.requests }];
    }),
  ) as Record<ClientName, { ms: number; clientCpu: number; serverCpu: number; requests: number | null }>;
  const ratios = {
    storingOverFloor: medians['storing floor'].ms / medians.floor.ms,
    storingOverFloorByRound: runs.get('storing floor')!.map((s, i) => s.ms / runs.get('floor')![i]!.ms),
    chromiumFetchOnlyOverFloor: withFetchOnly ? medians['floor in Chromium'].ms / medians.floor.ms : null,
    lifeboatOverStoring: withLifeboat ? medians.Lifeboat.ms / medians['storing floor'].ms : null,
    lifeboatOverFloor: withLifeboat ? medians.Lifeboat.ms / medians.floor.ms : null,
    storingOverFloorByCpu: cpuBound(medians['storing floor']) / cpuBound(medians.floor),
  };
  const loads = [...runs.values()].flat().map((m) => m.load);
  console.log('');
  console.log(
    markdownTable(
      ['Client', 'Wall time, median (runs)', 'Requests', 'Client CPU', `${serverName} CPU`, '÷ floor'],
      clients.map((c) => {
        const m = medians[c];
        const each = runs.get(c)!.map((r) => formatMs(r.ms)).join(', ');
        return [c, `${formatMs(m.ms)} (${each})`, String(m.requests ?? '—'), formatMs(m.clientCpu), formatMs(m.serverCpu), formatRatio(m.ms / medians.floor.ms)];
      }),
    ),
  );
  console.log(`least wall time the CPU allows on ${cores} cores (client + server CPU ÷ cores): floor ${formatMs(cpuBound(medians.floor))}, storing floor ${formatMs(cpuBound(medians['storing floor']))}, ratio ${formatRatio(ratios.storingOverFloorByCpu)}`);
  console.log(`\nstoring floor ÷ floor ${formatRatio(ratios.storingOverFloor)} (by round: ${ratios.storingOverFloorByRound.map(formatRatio).join(', ')})` + (withLifeboat ? `; Lifeboat ÷ storing floor ${formatRatio(ratios.lifeboatOverStoring!)}` : '') + `; load ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`);

  const entry = {
    server: serverName,
    contacts,
    items,
    measuredAt: new Date().toISOString(),
    machine: describeMachine(),
    pattern: candidates[cheapest]!.pattern,
    candidates,
    rounds: Object.fromEntries(clients.map((c) => [c, runs.get(c)!.map((m) => ({ ...m, ms: Math.round(m.ms), clientCpu: Math.round(m.clientCpu), serverCpu: Math.round(m.serverCpu), load: round1(m.load) }))])),
    medians,
    ratios,
  };
  // One entry per server and size: this run replaces the last of its kind only.
  const earlier = existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, 'utf8')) as Array<{ server: ServerName; contacts: number }>) : [];
  const all = [...earlier.filter((e) => e.server !== serverName || e.contacts !== contacts), entry].sort((a, b) => a.server.localeCompare(b.server) || a.contacts - b.contacts);
  writeFileSync(RESULTS, `${JSON.stringify(all, null, 2)}\n`);
} finally {
  await server.stop();
}
