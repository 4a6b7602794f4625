// `npm run bench [-- --size small|default] [-- --server radicale|cyrus|both] [-- --repeat N]
// [-- --sizes 1000,10000] [-- --photos 1000,10000] [-- --only dav|photos|side|growth] [-- --with-100k]`:
// per server, generates the data, measures the cheapest-pattern floor, Lifeboat in Chromium and
// vdirsyncer at each size; then the photo mirror against a raw download; then the side-by-side
// "as a person sees it"; then, when asked (`--only growth`, or `--with-100k` beside the rest), the
// growth part: the floor and Lifeboat at 10,000 and 100,000 contacts. Prints the reports and a
// MET/MISSED line per target, and writes bench/results.json, bench/photo-results.json,
// bench/growth-results.json and the tables in docs/BENCHMARKS.md. The small plan (CI) writes to
// bench/out/ instead and leaves the docs alone: its figures mean little.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { loadavg } from 'node:os';
import { planFromArgs, type BenchPlan } from './bench-plan';
import { contactsGrowthSize, dataSize, type DataSize } from './generate-data';
import { floorEvidence } from './floor-evidence';
import { describeMachine } from './machine';
import { measurePhotoMirror, type PhotoResult } from './photo-mirror';
import { photoTargets, renderPhotoReport } from './photo-report';
import type { BenchResults, ServerResults, SideBySideResult } from './results';
import { SERVER_NAMES, type ServerName } from './bench-server';
import { runSize } from './run-size';
import { sideBySide } from './side-by-side';
import { describeSize, renderGrowthReport, renderReport } from './table';
import { checkContactsGrowth, checkSideBySide, checkTargets, verdictLines } from './targets';

const DOCS = 'docs/BENCHMARKS.md';
const PHOTO_TIMEOUT_MS = 30 * 60_000;

function writeDocsSection(name: string, report: string): void {
  const [start, end] = [`<!-- ${name}:start -->`, `<!-- ${name}:end -->`];
  const docs = readFileSync(DOCS, 'utf8');
  const from = docs.indexOf(start);
  const to = docs.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${DOCS} has no ${start} … ${end} section to fill.`);
  writeFileSync(DOCS, `${docs.slice(0, from + start.length)}\n${report}\n${docs.slice(to)}`);
}

function save(path: string, data: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(data, null, 2)}\n`);
  console.log(`Wrote ${path}`);
}

/**
 * Writes the results file (and the docs' table for a recorded plan). A run of one part (--only)
 * keeps the other part's figures from the last run; `plan` says which part this run measured.
 */
function record(plan: BenchPlan, servers: ServerResults[], side: SideBySideResult | null): string {
  const path = plan.recorded ? 'bench/results.json' : 'bench/out/results.json';
  const earlier = keptFrom(path);
  const results: BenchResults = {
    measuredAt: new Date().toISOString(),
    plan: plan.name,
    machine: describeMachine(),
    servers: withEarlierServers(servers, earlier?.servers ?? []),
    sideBySide: side ?? earlier?.sideBySide ?? null,
  };
  const report = renderReport(results, floorEvidence);
  save(path, results);
  if (plan.recorded) writeDocsSection('results', report);
  return report;
}

/**
 * Each server's sizes one after the other (`sizeOf` makes a size's data set from its contacts);
 * `saved` after every size: a long run that is stopped keeps what it measured.
 */
async function measureSizes(
  plan: BenchPlan,
  contactCounts: number[],
  sizeOf: (contacts: number) => DataSize,
  options: { vdirsyncer: boolean },
  saved: (servers: ServerResults[], server: ServerName, contacts: number) => void,
): Promise<ServerResults[]> {
  const servers: ServerResults[] = [];
  for (const server of plan.servers) {
    console.log(`\n${server}: ${contactCounts.join(', ')} contacts, each figure ${plan.repeat}×`);
    const done: ServerResults = { server, sizes: [], measuredAt: new Date().toISOString(), load15: Number(loadavg()[2]!.toFixed(1)), loadAtStart: Number(loadavg()[0]!.toFixed(1)) };
    servers.push(done);
    for (const contacts of contactCounts) {
      const result = await runSize(plan, server, sizeOf(contacts), options);
      done.sizes.push(result);
      done.measuredAt = new Date().toISOString();
      done.load15 = Number(loadavg()[2]!.toFixed(1));
      console.log(`  done: ${describeSize(result)}`);
      saved(servers, server, contacts);
    }
  }
  return servers;
}

function benchDav(plan: BenchPlan): Promise<ServerResults[]> {
  return measureSizes(plan, plan.sizes, dataSize, { vdirsyncer: true }, (servers, server, contacts) => {
    record({ ...plan, name: `${plan.name} (partial: saved after ${server} at ${contacts} contacts)` }, servers, null);
  });
}

/**
 * The growth part: per server, the floor and Lifeboat at each of `plan.growthContacts` beside the
 * same calendars (no vdirsyncer: its figures are judged at 21,000 items). Saved after every size,
 * in a file and a section of the docs of its own, so it never replaces the sweep's figures.
 */
async function benchGrowth(plan: BenchPlan): Promise<string[]> {
  const path = plan.recorded ? 'bench/growth-results.json' : 'bench/out/growth-results.json';
  console.log('\nGrowth: the contacts grow beside 1,000 events and 100 tasks');
  let report = '';
  const servers = await measureSizes(plan, plan.growthContacts, contactsGrowthSize, { vdirsyncer: false }, (measured) => {
    const results: BenchResults = { measuredAt: new Date().toISOString(), plan: plan.name, machine: describeMachine(), servers: measured, sideBySide: null };
    save(path, results);
    report = renderGrowthReport(results);
    if (plan.recorded) writeDocsSection('growth', report);
  });
  console.log(`\n${report}\n`);
  return servers.flatMap(({ server, sizes }) => verdictLines(`${server}: `, [checkContactsGrowth(sizes)]));
}

/** Each library `plan.repeat` times; the run with the median ratio stands for it, all are kept. */
async function benchPhotos(plan: BenchPlan): Promise<string[]> {
  console.log(`\nPhotos: libraries of ${plan.photoCounts.join(', ')} photos of ${plan.photoBytes / 1024} KB, each ${plan.repeat}×`);
  const results: Array<PhotoResult & { runs: PhotoResult[] }> = [];
  const libraries = [...plan.photoCounts.map((count) => ({ count, bytes: plan.photoBytes })), ...(plan.phonePhotos ? [plan.phonePhotos] : [])];
  for (const { count, bytes } of libraries) {
    const runs: PhotoResult[] = [];
    for (let round = 0; round < plan.repeat; round++) {
      const result = await measurePhotoMirror(count, bytes, PHOTO_TIMEOUT_MS);
      console.log(`  ${count} photos of ${Math.round(bytes / 1024)} KB: floor ${result.floorListMs} + ${result.floorDownloadMs} ms, mirror ${result.mirrorMs} ms, ratio ${result.ratio}`);
      runs.push(result);
    }
    const middle = [...runs].sort((a, b) => a.ratio - b.ratio)[Math.floor(runs.length / 2)]!;
    results.push({ ...middle, runs });
  }
  const measuredAt = new Date().toISOString();
  const report = renderPhotoReport(results, measuredAt);
  console.log(`\n${report}\n`);
  save(plan.recorded ? 'bench/photo-results.json' : 'bench/out/photo-results.json', { measuredAt, plan: plan.name, machine: describeMachine(), results });
  if (plan.recorded) writeDocsSection('photos', report);
  return verdictLines('', photoTargets(results));
}

/** This run's servers, and the earlier run's figures of the servers it did not measure (`--server`). */
function withEarlierServers(measured: ServerResults[], earlier: ServerResults[]): ServerResults[] {
  const names = new Set(measured.map((result) => result.server));
  return [...earlier.filter((result) => !names.has(result.server)), ...measured].sort((a, b) => SERVER_NAMES.indexOf(a.server) - SERVER_NAMES.indexOf(b.server));
}

/** The last results at `path`, if they have this version's shape. */
function keptFrom(path: string): BenchResults | null {
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as Partial<BenchResults>;
    return Array.isArray(data.servers) ? (data as BenchResults) : null;
  } catch {
    return null;
  }
}

const plan = planFromArgs(process.argv.slice(2));
console.log(`Lifeboat benchmark, plan ${plan.name}`);
const verdicts: string[] = [];
const servers = plan.parts.includes('dav') ? await benchDav(plan) : [];
for (const { server, sizes } of servers) verdicts.push(...verdictLines(`${server}: `, checkTargets(sizes, floorEvidence(server))));
if (plan.parts.includes('photos')) verdicts.push(...(await benchPhotos(plan)));
let side: SideBySideResult | null = null;
if (plan.parts.includes('side')) {
  console.log(`\nAs a person sees it: ${plan.sideBySideContacts} contacts on Radicale, ${plan.repeat}×`);
  side = await sideBySide(plan.sideBySideContacts, plan.repeat);
  verdicts.push(...verdictLines('', [checkSideBySide(side)]));
}
if (servers.length > 0 || side) console.log(`\n${record(plan, servers, side)}\n`);
if (plan.parts.includes('growth')) verdicts.push(...(await benchGrowth(plan)));
console.log(`\n${verdicts.join('\n')}`);
if (plan.recorded) console.log(`Updated ${DOCS}`);
