// The floor's three figures at one size: every candidate batching timed once on a first mirror,
// the cheapest one then run `repeat` times (the median is the figure), and the no-change sync
// from the last of those mirrors' saved tokens. The 100-changes figure is taken in run-size.ts,
// between the upstream edits and the other clients' syncs.
import type { BenchServer } from './bench-server';
import { FloorClient, type FloorRun } from './floor-client';
import { FLOOR_CANDIDATES, type FloorPattern } from './floor-pattern';
import { repeat, type FloorCandidate } from './results';

export interface FloorFirst {
  client: FloorClient;
  candidates: FloorCandidate[];
  first: FloorRun[];
  noChange: FloorRun[];
}

async function once(server: BenchServer, pattern: FloorPattern, items: number): Promise<{ client: FloorClient; run: FloorRun }> {
  const client = new FloorClient(server.account, server.vcard4);
  const run = await client.firstMirror(pattern);
  if (run.items !== items) throw new Error(`The floor fetched ${run.items} items, not ${items} (${run.pattern}).`);
  return { client, run };
}

/**
 * Above this many items the floor does not try one multiget per collection: at the
 * 100,000-contact point that answer is about 800 MB of vCard text, more than the longest string
 * V8 can make (2^29 characters), so no JavaScript client could read it.
 */
const ONE_ANSWER_UP_TO = 50_000;

export async function floorFigures(server: BenchServer, items: number, times: number, allPatterns: FloorPattern[] = FLOOR_CANDIDATES): Promise<FloorFirst> {
  const patterns = allPatterns.filter((pattern) => pattern.batch !== Infinity || items <= ONE_ANSWER_UP_TO);
  const candidates: FloorCandidate[] = [];
  for (const pattern of patterns) {
    const { run } = await once(server, pattern, items);
    candidates.push({ batch: pattern.batch === Infinity ? 'all' : pattern.batch, inFlight: pattern.inFlight, ms: run.ms, pattern: run.pattern });
  }
  const cheapest = candidates.reduce((best, c, index) => (c.ms < candidates[best]!.ms ? index : best), 0);
  const pattern = patterns[cheapest]!;
  let client: FloorClient | undefined;
  const first = await repeat(times, async () => {
    const made = await once(server, pattern, items);
    client = made.client;
    return made.run;
  });
  const noChange = await repeat(times, async () => {
    const run = await client!.sync();
    if (run.items !== 0) throw new Error(`A floor sync with nothing new upstream fetched ${run.items} items.`);
    return run;
  });
  return { client: client!, candidates, first, noChange };
}
