// The "as a person sees it": real-world-like contacts (photos, grouped properties, long
// notes: generate-data.ts) on one Radicale; vdirsyncer's first sync against Lifeboat's first
// mirror from the click on "Add account" in the real options page to the popup showing the
// count, in one run, taking turns so that neither always runs on a warmer server. Each round
// also times the cheapest request pattern for the same contacts (the floor, floor-figures.ts):
// how far under vdirsyncer any client could go on this server and machine at that moment. And
// each side's CPU time (process-cpu.ts): Radicale's, and the client's, which a loaded machine
// stretches far less than wall-clock time.
import { loadavg } from 'node:os';
import { openPopup, waitForMirror } from '../test/browser/extension-pages';
import { startBenchServer, type BenchServer } from './bench-server';
import { FloorClient } from './floor-client';
import { floorFigures } from './floor-figures';
import { FIRST_MIRROR_CANDIDATES } from './floor-pattern';
import { benchCollections } from './generate-data';
import { clickAddAccount, fillAccount, startLifeboat } from './lifeboat-browser';
import { groupCpuMs, groupEnded, ownCpuMs, processCpuMs, reapedChildrenCpuMs } from './process-cpu';
import { figure, repeat, type CpuSplit, type SideBySideResult } from './results';
import { median, timed } from './timing';
import { prepareVdirsyncer } from './vdirsyncer-run';
import { popupShowedAt, watchPopupShows } from './popup-seen';

interface Measured {
  ms: number;
  cpu: CpuSplit;
}

/** Times `task` and the CPU that the server and the client (`clientCpu`) spent during it. */
async function measured(server: BenchServer, clientCpu: () => number, task: () => Promise<void>): Promise<Measured> {
  const serverCpu = (): number => (server.pid === undefined ? Number.NaN : processCpuMs(server.pid));
  const [server0, client0] = [serverCpu(), clientCpu()];
  const { ms } = await timed(task);
  return { ms, cpu: { server: serverCpu() - server0, client: clientCpu() - client0 } };
}

/**
 * Add account → popup showing `contacts`; the browser is started and the form filled (as a
 * person types before clicking) before the clock starts. The popup is opened once the form says
 * the account was added, as a person would look at it, and is part of the time. The end is when
 * the popup's own page showed the full count and "up to date" (popup-seen.ts), not when the
 * test driver, polling, noticed it.
 */
async function lifeboatAsSeen(server: BenchServer, contacts: number, timeoutMs: number): Promise<Measured> {
  const lifeboat = await startLifeboat();
  try {
    await fillAccount(lifeboat, server.account);
    let clicked = 0;
    let shown = 0;
    const run = await measured(server, () => groupCpuMs(lifeboat.ext.processGroup), async () => {
      clicked = Date.now();
      await clickAddAccount(lifeboat);
      const popup = await openPopup(lifeboat.ext);
      await watchPopupShows(popup, contacts);
      await waitForMirror(popup, contacts, timeoutMs);
      shown = (await popupShowedAt(popup)).both;
    });
    return { ...run, ms: shown - clicked };
  } finally {
    await lifeboat.close();
    await groupEnded(lifeboat.ext.processGroup);
  }
}

async function vdirsyncerAsSeen(server: BenchServer, contacts: number): Promise<Measured & { discover: number }> {
  const vdirsyncer = await prepareVdirsyncer(server.account);
  try {
    const discover = await vdirsyncer.discover();
    // vdirsyncer's CPU is counted once it has ended and been waited for.
    const sync = await measured(server, reapedChildrenCpuMs, async () => void (await vdirsyncer.sync()));
    const synced = await vdirsyncer.countFiles();
    if (synced !== contacts) throw new Error(`vdirsyncer synced ${synced} contacts, not ${contacts}.`);
    return { ...sync, discover };
  } finally {
    await vdirsyncer.remove();
  }
}

/** Every candidate once (floor-figures.ts), then the cheapest once more, measured. */
async function floorAsSeen(server: BenchServer, contacts: number): Promise<Measured & { pattern: string }> {
  const { candidates } = await floorFigures(server, contacts, 1, FIRST_MIRROR_CANDIDATES);
  const cheapest = candidates.reduce((best, c, index) => (c.ms < candidates[best]!.ms ? index : best), 0);
  let pattern = '';
  const run = await measured(server, ownCpuMs, async () => {
    const floor = await new FloorClient(server.account, server.vcard4).firstMirror(FIRST_MIRROR_CANDIDATES[cheapest]!);
    if (floor.items !== contacts) throw new Error(`The floor fetched ${floor.items} contacts, not ${contacts}.`);
    pattern = floor.pattern;
  });
  return { ...run, pattern };
}

const cpuMedian = (splits: CpuSplit[]): CpuSplit => ({ server: median(splits.map((s) => s.server)), client: median(splits.map((s) => s.client)) });

export async function sideBySide(contacts: number, times: number): Promise<SideBySideResult> {
  const [book] = benchCollections({ contacts, events: 0, tasks: 0 });
  const server = await startBenchServer('radicale', [book!]);
  const timeoutMs = 120_000 + contacts * 100;
  try {
    const rounds = await repeat(times, async (round) => {
      const load = loadavg()[0]!;
      const first = round % 2 === 0;
      const v1 = first ? await vdirsyncerAsSeen(server, contacts) : undefined;
      const lifeboat = await lifeboatAsSeen(server, contacts, timeoutMs);
      const v = v1 ?? (await vdirsyncerAsSeen(server, contacts));
      const floor = await floorAsSeen(server, contacts);
      const cpu = (m: Measured): string => `CPU ${Math.round(m.cpu.server)} server + ${Math.round(m.cpu.client)} client`;
      console.log(
        `  round ${round + 1} (load ${load.toFixed(1)}): Lifeboat ${Math.round(lifeboat.ms)} ms (${cpu(lifeboat)}), vdirsyncer ${Math.round(v.ms)} ms (${cpu(v)}; + discover ${Math.round(v.discover)} ms), ` +
          `floor ${Math.round(floor.ms)} ms (${cpu(floor)}; ${floor.pattern}); vdirsyncer ÷ Lifeboat ${(v.ms / lifeboat.ms).toFixed(2)}×, vdirsyncer ÷ floor ${(v.ms / floor.ms).toFixed(2)}×`,
      );
      return { lifeboat, vdirsyncer: v, floor, load };
    });
    return {
      server: server.name,
      contacts,
      lifeboat: figure(rounds.map((r) => r.lifeboat.ms)),
      vdirsyncer: figure(rounds.map((r) => r.vdirsyncer.ms)),
      vdirsyncerDiscover: figure(rounds.map((r) => r.vdirsyncer.discover)),
      floor: figure(rounds.map((r) => r.floor.ms)),
      floorPattern: rounds.at(-1)!.floor.pattern,
      loads: rounds.map((r) => Math.round(r.load * 10) / 10),
      cpu: {
        lifeboat: cpuMedian(rounds.map((r) => r.lifeboat.cpu)),
        vdirsyncer: cpuMedian(rounds.map((r) => r.vdirsyncer.cpu)),
        floor: cpuMedian(rounds.map((r) => r.floor.cpu)),
      },
    };
  } finally {
    await server.stop();
  }
}
