// One size of the sweep: one Radicale seeded with the data set, then the three clients one
// after another (never at once: they would slow each other down), the same upstream changes
// for all three, and every figure of the table.
import { putItem, startRadicale, type RadicaleServer } from '../test/harness';
import type { BenchPlan } from './bench-plan';
import { FloorClient } from './floor-client';
import { benchChanges, benchCollections, type DataSize } from './generate-data';
import { firstMirror, syncNow, syncNowCounted, timeExport, timeExportBuild, timePopup } from './lifeboat-in-chromium';
import { pauseSchedule } from './lifeboat-browser';
import { fromMedian, once, type SizeResult } from './results';
import { medianOf } from './timing';
import { prepareVdirsyncer, type DavAccount } from './vdirsyncer-run';

const log = (text: string): void => console.log(`  ${text}`);

async function applyChanges(server: RadicaleServer, size: DataSize, count: number): Promise<void> {
  for (const change of benchChanges(size, count, 1)) {
    await putItem(new URL(change.item.name, server.collectionUrl(change.collection)).href, change.item.data, server);
  }
}

export async function runSize(plan: BenchPlan, size: DataSize): Promise<SizeResult> {
  const items = size.contacts + size.events + size.tasks;
  log(`seeding Radicale with ${size.contacts} contacts, ${size.events} events, ${size.tasks} tasks…`);
  const server = await startRadicale({ seed: benchCollections(size) });
  const account: DavAccount = { url: server.url, username: server.username, password: server.password };
  // Generous: a slow machine must still finish; times are never asserted.
  const timeoutMs = 120_000 + items * 100;
  try {
    log('floor: first mirror, no-change sync…');
    const floor = new FloorClient(account);
    let firstRequests = 0;
    let firstBytes = 0;
    const floorFirst = await medianOf(plan.floorFirstRuns, async () => {
      floor.reset();
      const run = await floor.sync();
      if (run.items !== items) throw new Error(`The floor fetched ${run.items} items, not ${items}.`);
      ({ requests: firstRequests, bytes: firstBytes } = run);
      return run.ms;
    });
    const floorNoChange = await medianOf(plan.noChangeRuns, async () => (await floor.sync()).ms);

    log('Lifeboat: first mirror, no-change sync, exports, popup…');
    const mirror = await firstMirror(account, items, timeoutMs);
    const { lifeboat } = mirror;
    try {
      await pauseSchedule(lifeboat);
      const noChange = await medianOf(plan.noChangeRuns, () => syncNow(lifeboat));
      const exportVcf = await timeExport(lifeboat, 'exportContacts', plan.exportRuns, size.contacts);
      const exportIcs = await timeExport(lifeboat, 'exportCalendars', plan.exportRuns, size.events + size.tasks);
      const buildVcf = await timeExportBuild(lifeboat, 'contacts', plan.exportRuns, size.contacts);
      const buildIcs = await timeExportBuild(lifeboat, 'calendars', plan.exportRuns, size.events + size.tasks);
      const popup = await timePopup(lifeboat, plan.popupRuns, size.contacts);

      log('vdirsyncer: discover, first sync, no-change sync…');
      const vdirsyncer = await prepareVdirsyncer(account);
      try {
        const discover = await vdirsyncer.discover();
        const vFirst = await vdirsyncer.sync();
        const synced = await vdirsyncer.countFiles();
        if (synced !== items) throw new Error(`vdirsyncer synced ${synced} items, not ${items}.`);
        const vNoChange = await medianOf(Math.min(plan.noChangeRuns, 3), () => vdirsyncer.sync());

        log(`${plan.changes} upstream changes, then a sync of each…`);
        await pauseSchedule(lifeboat);
        await applyChanges(server, size, plan.changes);
        const floorChanges = await floor.sync();
        if (floorChanges.items !== plan.changes) throw new Error(`The floor fetched ${floorChanges.items} changed items, not ${plan.changes}.`);
        const changes = await syncNowCounted(lifeboat);
        // Reported, not fatal: the table shows how many of the changes this sync picked up.
        if (changes.changed !== plan.changes) console.warn(`  Lifeboat's sync changed ${changes.changed} items, not ${plan.changes}.`);
        const vChanges = await vdirsyncer.sync();

        return {
          size,
          items,
          floor: { first: fromMedian(floorFirst), noChange: fromMedian(floorNoChange), changes: once(floorChanges.ms), firstRequests, firstBytes },
          lifeboat: {
            first: once(mirror.ms),
            noChange: fromMedian(noChange),
            changes: once(changes.ms),
            changesSeen: changes.changed,
            exportVcf: { value: buildVcf.ms, runs: buildVcf.runs },
            exportIcs: { value: buildIcs.ms, runs: buildIcs.runs },
            exportVcfWithDownload: { value: exportVcf.ms, runs: exportVcf.runs },
            exportIcsWithDownload: { value: exportIcs.ms, runs: exportIcs.runs },
            popup: fromMedian(popup),
            heapPeakBytes: mirror.heapPeakBytes,
          },
          vdirsyncer: { discover: once(discover), first: once(vFirst), noChange: fromMedian(vNoChange), changes: once(vChanges), retries: vdirsyncer.retries },
        };
      } finally {
        await vdirsyncer.remove();
      }
    } finally {
      await lifeboat.close();
    }
  } finally {
    await server.stop();
  }
}
