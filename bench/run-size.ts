// One size on one server: the server seeded with the data set, then the three clients one
// after another (never at once: they would slow each other down), the same upstream changes
// for all three, and every figure of the table, each `plan.repeat` times.
import type { BenchPlan } from './bench-plan';
import { startBenchServer, type BenchServer, type ServerName } from './bench-server';
import { floorFigures } from './floor-figures';
import { benchChanges, benchCollections, type DataSize } from './generate-data';
import { firstMirror, readyExports, syncNow, syncNowCounted, timeExport, timeExportBuild, type FirstMirror } from './lifeboat-in-chromium';
import { pauseSchedule } from './lifeboat-browser';
import { popupMarks } from './popup-marks';
import { diskSettled } from './disk-settled';
import { figure, repeat, type SizeResult } from './results';
import { prepareVdirsyncer, type Vdirsyncer } from './vdirsyncer-run';

const log = (text: string): void => console.log(`  ${text}`);

/** The largest size vdirsyncer runs at: the sizes whose vdirsyncer figures are judged. */
const VDIRSYNCER_UP_TO = 10_000;

async function applyChanges(server: BenchServer, size: DataSize, count: number, revision: number): Promise<void> {
  for (const change of benchChanges(size, count, revision)) await server.put(change.collection, change.item.name, change.item.data);
}

/** Lifeboat's first mirror `times` times, each in a fresh browser profile; the last one stays open. */
async function lifeboatFirst(server: BenchServer, items: number, times: number, timeoutMs: number): Promise<{ runs: FirstMirror[]; last: FirstMirror }> {
  const runs = await repeat(times, async (round) => {
    const mirror = await firstMirror(server.account, items, timeoutMs);
    if (round < times - 1) await mirror.lifeboat.close();
    return mirror;
  });
  return { runs, last: runs.at(-1)! };
}

/** vdirsyncer's discover and first sync `times` times, each into fresh folders; the last one is kept. */
async function vdirsyncerFirst(server: BenchServer, items: number, times: number): Promise<{ discover: number[]; first: number[]; last: Vdirsyncer }> {
  const discover: number[] = [];
  const first: number[] = [];
  let last: Vdirsyncer | undefined;
  for (let round = 0; round < times; round++) {
    const vdirsyncer = await prepareVdirsyncer(server.account);
    discover.push(await vdirsyncer.discover());
    first.push(await vdirsyncer.sync());
    const synced = await vdirsyncer.countFiles();
    if (synced !== items) throw new Error(`vdirsyncer synced ${synced} items, not ${items}.`);
    if (round < times - 1) await vdirsyncer.remove();
    else last = vdirsyncer;
  }
  return { discover, first, last: last! };
}

/** `vdirsyncer: false` for the growth part: its figures are judged at the sweep's 21,000 items only. */
export async function runSize(plan: BenchPlan, serverName: ServerName, size: DataSize, options: { vdirsyncer: boolean } = { vdirsyncer: true }): Promise<SizeResult> {
  const items = size.contacts + size.events + size.tasks;
  const times = plan.repeat;
  log(`seeding ${serverName} with ${size.contacts} contacts, ${size.events} events, ${size.tasks} tasks…`);
  const server = await startBenchServer(serverName, benchCollections(size));
  // Generous: a slow machine must still finish; times are never asserted.
  const timeoutMs = 120_000 + items * 100;
  try {
    log('floor: batchings tried, then first mirror and no-change sync…');
    const floor = await floorFigures(server, items, times);
    log(`floor: ${floor.first.at(-1)!.pattern}`);

    log('Lifeboat: first mirror, no-change sync, exports, popup…');
    const mirrors = await lifeboatFirst(server, items, times, timeoutMs);
    const { lifeboat } = mirrors.last;
    try {
      await pauseSchedule(lifeboat);
      // The ready exports are built in the background after the first mirror: waited for here,
      // so that neither the no-change syncs nor the clicks share the machine with that build.
      const readyPagesBuild = await readyExports(lifeboat);
      log(`ready exports built after the first mirror: .vcf ${readyPagesBuild.contacts?.toFixed(0)} ms, .ics ${readyPagesBuild.calendars?.toFixed(0)} ms`);
      // The .vcf clicked right after the mirror too; then the no-change syncs and the judged
      // clicks once the disk has settled, as a scheduled sync or a person's click meets the
      // machine (disk-settled.ts says why).
      const vcfRightAfter = await timeExport(lifeboat, 'exportContacts', times, size.contacts);
      const settled = await diskSettled();
      log(`disk settled: ${settled.pendingMbAtStart.toFixed(0)} MB pending, waited ${(settled.waitedMs / 1000).toFixed(1)} s${settled.settled ? '' : ' (timed out)'}`);
      const noChange = await repeat(times, () => syncNow(lifeboat));
      const exportVcf = await timeExport(lifeboat, 'exportContacts', times, size.contacts);
      const exportIcs = await timeExport(lifeboat, 'exportCalendars', times, size.events + size.tasks);
      const buildVcf = await timeExportBuild(lifeboat, 'contacts', times, size.contacts);
      const buildIcs = await timeExportBuild(lifeboat, 'calendars', times, size.events + size.tasks);
      const popup = await repeat(times, () => popupMarks(lifeboat, size.contacts));
      const firstPaints = popup.map((p) => p.firstPaint).filter((ms): ms is number => ms !== null);

      // vdirsyncer only where its figures are judged: at the 100,000-contact point (growth only)
      // one of its syncs takes a quarter of an hour or more against Radicale.
      const vdirsyncer = options.vdirsyncer && size.contacts <= VDIRSYNCER_UP_TO ? await vdirsyncerFirst(server, items, times) : null;
      try {
        const vNoChange = vdirsyncer ? await repeat(times, () => vdirsyncer.last.sync()) : [];

        log(`${plan.changes} upstream changes, then a sync of each client, ${times}×…`);
        const changes = await repeat(times, async (round) => {
          await pauseSchedule(lifeboat);
          await applyChanges(server, size, plan.changes, round + 1);
          const floorRun = await floor.client.sync();
          if (floorRun.items !== plan.changes) throw new Error(`The floor fetched ${floorRun.items} changed items, not ${plan.changes}.`);
          const lifeboatRun = await syncNowCounted(lifeboat);
          // Reported, not fatal: the table shows how many of the changes this sync picked up.
          if (lifeboatRun.changed !== plan.changes) console.warn(`  Lifeboat's sync changed ${lifeboatRun.changed} items, not ${plan.changes}.`);
          return { floor: floorRun, lifeboat: lifeboatRun, vdirsyncer: vdirsyncer ? await vdirsyncer.last.sync() : null };
        });

        return {
          size,
          items,
          floor: {
            first: figure(floor.first.map((r) => r.ms)),
            noChange: figure(floor.noChange.map((r) => r.ms)),
            changes: figure(changes.map((c) => c.floor.ms)),
            firstPattern: floor.first.at(-1)!.pattern,
            noChangePattern: floor.noChange.at(-1)!.pattern,
            changesPattern: changes.at(-1)!.floor.pattern,
            candidates: floor.candidates,
            firstRequests: floor.first.at(-1)!.requests,
            firstBytes: floor.first.at(-1)!.bytes,
          },
          lifeboat: {
            first: figure(mirrors.runs.map((m) => m.ms)),
            noChange: figure(noChange),
            changes: figure(changes.map((c) => c.lifeboat.ms)),
            changesSeen: changes.map((c) => c.lifeboat.changed),
            exportVcf: figure(buildVcf.runs),
            exportIcs: figure(buildIcs.runs),
            exportVcfWithDownload: figure(exportVcf.runs),
            exportVcfRightAfterMirror: figure(vcfRightAfter.runs),
            clicksSettled: settled,
            exportIcsWithDownload: figure(exportIcs.runs),
            exportVcfStarted: figure(exportVcf.startedRuns),
            exportIcsStarted: figure(exportIcs.startedRuns),
            readyPagesBuild,
            popupFirstPaint: firstPaints.length > 0 ? figure(firstPaints) : null,
            popupCountsShown: figure(popup.map((p) => p.countsShown)),
            heapPeakBytes: figure(mirrors.runs.map((m) => m.heapPeakBytes)),
          },
          vdirsyncer: vdirsyncer && {
            discover: figure(vdirsyncer.discover),
            first: figure(vdirsyncer.first),
            noChange: figure(vNoChange),
            changes: figure(changes.map((c) => c.vdirsyncer ?? 0)),
            retries: vdirsyncer.last.retries,
          },
        };
      } finally {
        await vdirsyncer?.last.remove();
      }
    } finally {
      await lifeboat.close();
    }
  } finally {
    await server.stop();
  }
}
