// The "as a person sees it": real-world-like contacts (photos, grouped properties, long
// notes: generate-data.ts) on one Radicale; vdirsyncer's first sync against Lifeboat's first
// mirror from the click on "Add account" in the real options page to the popup showing the
// count, in one run, taking turns so that neither always runs on a warmer server. Each round
// also times the cheapest request pattern for the same contacts (the floor, floor-figures.ts):
// how far under vdirsyncer any client could go on this server and machine at that moment.
import { loadavg } from 'node:os';
import { openPopup, waitForMirror } from '../test/browser/extension-pages';
import { startBenchServer } from './bench-server';
import { floorFigures } from './floor-figures';
import { FIRST_MIRROR_CANDIDATES } from './floor-pattern';
import { benchCollections } from './generate-data';
import { clickAddAccount, fillAccount, startLifeboat } from './lifeboat-browser';
import { figure, repeat, type SideBySideResult } from './results';
import { timed } from './timing';
import { prepareVdirsyncer, type DavAccount } from './vdirsyncer-run';

/**
 * Add account → popup showing `contacts`; the browser is started and the form filled (as a
 * person types before clicking) before the clock starts. The popup is opened once the form says
 * the account was added, as a person would look at it, and is part of the time.
 */
async function lifeboatAsSeen(account: DavAccount, contacts: number, timeoutMs: number): Promise<number> {
  const lifeboat = await startLifeboat();
  try {
    await fillAccount(lifeboat, account);
    const { ms } = await timed(async () => {
      await clickAddAccount(lifeboat);
      const popup = await openPopup(lifeboat.ext);
      await waitForMirror(popup, contacts, timeoutMs);
    });
    return ms;
  } finally {
    await lifeboat.close();
  }
}

async function vdirsyncerAsSeen(account: DavAccount, contacts: number): Promise<{ discover: number; sync: number }> {
  const vdirsyncer = await prepareVdirsyncer(account);
  try {
    const discover = await vdirsyncer.discover();
    const sync = await vdirsyncer.sync();
    const synced = await vdirsyncer.countFiles();
    if (synced !== contacts) throw new Error(`vdirsyncer synced ${synced} contacts, not ${contacts}.`);
    return { discover, sync };
  } finally {
    await vdirsyncer.remove();
  }
}

export async function sideBySide(contacts: number, times: number): Promise<SideBySideResult> {
  const [book] = benchCollections({ contacts, events: 0, tasks: 0 });
  const server = await startBenchServer('radicale', [book!]);
  const timeoutMs = 120_000 + contacts * 100;
  try {
    const rounds = await repeat(times, async (round) => {
      const load = loadavg()[0]!;
      const first = round % 2 === 0;
      const v1 = first ? await vdirsyncerAsSeen(server.account, contacts) : undefined;
      const lifeboat = await lifeboatAsSeen(server.account, contacts, timeoutMs);
      const v = v1 ?? (await vdirsyncerAsSeen(server.account, contacts));
      const { first: [floor] } = await floorFigures(server, contacts, 1, FIRST_MIRROR_CANDIDATES);
      const ratio = (v.sync / lifeboat).toFixed(2);
      console.log(`  round ${round + 1} (load ${load.toFixed(1)}): Lifeboat ${Math.round(lifeboat)} ms, vdirsyncer ${Math.round(v.sync)} ms (+ discover ${Math.round(v.discover)} ms), floor ${Math.round(floor!.ms)} ms (${floor!.pattern}); vdirsyncer ÷ Lifeboat ${ratio}×, vdirsyncer ÷ floor ${(v.sync / floor!.ms).toFixed(2)}×`);
      return { lifeboat, ...v, floor: floor!, load };
    });
    return {
      server: server.name,
      contacts,
      lifeboat: figure(rounds.map((r) => r.lifeboat)),
      vdirsyncer: figure(rounds.map((r) => r.sync)),
      vdirsyncerDiscover: figure(rounds.map((r) => r.discover)),
      floor: figure(rounds.map((r) => r.floor.ms)),
      floorPattern: rounds.at(-1)!.floor.pattern,
      loads: rounds.map((r) => Math.round(r.load * 10) / 10),
    };
  } finally {
    await server.stop();
  }
}
