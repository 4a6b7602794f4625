// `npm run bench [-- --size small|default] [-- --sizes 1000,5000,20000]`: generates the data,
// measures the protocol floor, Lifeboat in Chromium and vdirsyncer at each size, prints the
// report, and writes bench/results.json and the table in docs/BENCHMARKS.md. The small plan
// (CI) writes to bench/out/ instead and leaves the docs alone: its figures mean little.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { planFromArgs } from './bench-plan';
import { dataSize } from './generate-data';
import { describeMachine } from './machine';
import type { BenchResults, SizeResult } from './results';
import { runSize } from './run-size';
import { describeSize, renderReport } from './table';

const DOCS = 'docs/BENCHMARKS.md';
const START = '<!-- results:start -->';
const END = '<!-- results:end -->';

function writeDocsTable(report: string): void {
  const docs = readFileSync(DOCS, 'utf8');
  const start = docs.indexOf(START);
  const end = docs.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${DOCS} has no ${START} … ${END} section to fill.`);
  writeFileSync(DOCS, `${docs.slice(0, start + START.length)}\n${report}\n${docs.slice(end)}`);
}

const plan = planFromArgs(process.argv.slice(2));
const small = plan.name === 'small';
const resultsPath = small ? 'bench/out/results.json' : 'bench/results.json';
const machine = describeMachine();
console.log(`Lifeboat benchmark, plan ${plan.name}: ${plan.sizes.join(', ')} contacts`);

const sizes: SizeResult[] = [];
for (const contacts of plan.sizes) {
  const size = dataSize(contacts);
  console.log(`\n${contacts} contacts:`);
  const result = await runSize(plan, size);
  sizes.push(result);
  console.log(`  done: ${describeSize(result)}`);
}

const results: BenchResults = { measuredAt: new Date().toISOString(), plan: plan.name, machine, sizes };
const report = renderReport(results);
console.log(`\n${report}\n`);
mkdirSync(dirname(resultsPath), { recursive: true });
writeFileSync(resultsPath, `${JSON.stringify(results, null, 2)}\n`);
console.log(`Wrote ${resultsPath}`);
if (!small) {
  writeDocsTable(report);
  console.log(`Updated the table in ${DOCS}`);
}
