// Where Chromium's time goes during one first mirror, thread by thread, from its own trace
// (DevTools protocol, Tracing domain: https://chromedevtools.github.io/devtools-protocol/tot/Tracing/)
// of every process while the built extension mirrors the bench's data set from Radicale. For
// each thread busy for more than 50 ms: the trace events that took the most time (a nested event
// is counted inside its parent too), and for the browser's thread pool the tasks by where they
// were posted from (LevelDB's background compaction is `env_chromium.cc Schedule`, IndexedDB's
// transactions `QueueRunTasks`). Tracing slows every thread: read the shares, not the times.
// Needs a build. Run: `npx tsx bench/first-mirror-trace.ts [contacts] [dist folder, else dist]`.
import { byThread, poolTasksByOrigin, printTotals, traced } from './chromium-trace';
import { startBenchServer } from './bench-server';
import { benchCollections, dataSize } from './generate-data';
import { addAccount, runDuration, startLifeboat, waitForRuns } from './lifeboat-browser';
import type { RunRecord } from '../src/model/run';

const CATEGORIES = ['IndexedDB', 'disabled-by-default-IndexedDB', 'leveldb', 'toplevel', 'storage', 'base', 'blob', 'v8'];
const contacts = Number(process.argv[2] ?? 3000);
const dist = process.argv[3] ?? 'dist';

const server = await startBenchServer('radicale', benchCollections(dataSize(contacts)));
try {
  const lifeboat = await startLifeboat(dist);
  try {
    let run: RunRecord | undefined;
    const events = await traced(lifeboat.ext.browser, CATEGORIES, async () => {
      await addAccount(lifeboat, server.account);
      run = await waitForRuns(lifeboat, 1, 30 * 60_000);
    });
    console.log(`first mirror of ${contacts} contacts (the bench's mix) under tracing: ${runDuration(run!)} ms, ${events.length} trace events`);
    for (const [thread, totals] of byThread(events, true)) {
      if (Math.max(...[...totals.values()].map((t) => t.ms)) > 50) printTotals(thread, totals);
    }
    printTotals('thread pool tasks, by where they were posted from', poolTasksByOrigin(events), 15);
  } finally {
    await lifeboat.close();
  }
} finally {
  await server.stop();
}
