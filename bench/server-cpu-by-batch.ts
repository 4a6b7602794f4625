// What a first mirror's multiget batch size costs the server: the floor's client (floor-client.ts,
// four requests in flight) takes the bench's data set (generate-data.ts) from one Radicale with
// each batch size in turn, and the server's CPU for it is read from its processes. Lifeboat asks
// for about 1 MB of text a batch (sync/batch-sizer.ts), about 250 of the bench's items, where the
// floor's cheapest pattern asks for 1,000: this says whether those extra requests cost the
// server, which on a machine of two cores is time taken from the client too.
// Run: `npx tsx bench/server-cpu-by-batch.ts [contacts] [--batches 250,1000] [--rounds 3]`.
import { startBenchServer } from './bench-server';
import { FloorClient } from './floor-client';
import { benchCollections, dataSize } from './generate-data';
import { argValue, countArg } from './cli-args';
import { formatMs } from './format';
import { median } from './timing';

const contacts = countArg(10_000);
const batches = (argValue('--batches') ?? '250,1000').split(',').map(Number);
const rounds = Number(argValue('--rounds') ?? 3);

const server = await startBenchServer('radicale', benchCollections(dataSize(contacts)));
try {
  const runs = new Map<number, Array<{ ms: number; cpu: number; requests: number }>>(batches.map((batch) => [batch, []]));
  for (let round = 0; round < rounds; round++) {
    // Turns, the order reversed every other round, so neither meets a warmer server each time.
    for (const batch of round % 2 === 0 ? batches : [...batches].reverse()) {
      const cpu0 = server.cpuMs();
      const run = await new FloorClient(server.account, server.vcard4).firstMirror({ batch, inFlight: 4 });
      const cpu = server.cpuMs() - cpu0;
      runs.get(batch)!.push({ ms: run.ms, cpu, requests: run.requests });
      console.log(`round ${round + 1}, batches of ${batch}: ${formatMs(run.ms)}, ${run.requests} requests, server CPU ${formatMs(cpu)}`);
    }
  }
  for (const [batch, list] of runs) {
    console.log(`batches of ${batch}: median ${formatMs(median(list.map((r) => r.ms)))}, server CPU ${formatMs(median(list.map((r) => r.cpu)))}, ${list[0]!.requests} requests`);
  }
} finally {
  await server.stop();
}
