// `npm run bench [-- --size small|default] [-- --sizes 1000,5000,20000] [-- --photos 1000,10000]
// [-- --only dav|photos]`: generates the data, measures the protocol floor, Lifeboat in Chromium
// and vdirsyncer at each size, then the photo mirror against a raw download, prints the
// reports, and writes bench/results.json, bench/photo-results.json and the tables in
// docs/BENCHMARKS.md. The small plan (CI) writes to bench/out/ instead and leaves the docs
// alone: its figures mean little.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { planFromArgs, type BenchPlan } from './bench-plan';
import { dataSize } from './generate-data';
import { describeMachine } from './machine';
import { measurePhotoMirror, type PhotoResult } from './photo-mirror';
import { renderPhotoReport } from './photo-report';
import type { BenchResults, SizeResult } from './results';
import { runSize } from './run-size';
import { describeSize, renderReport } from './table';

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

async function benchDav(plan: BenchPlan): Promise<void> {
  console.log(`Contacts and calendars: ${plan.sizes.join(', ')} contacts`);
  const sizes: SizeResult[] = [];
  for (const contacts of plan.sizes) {
    const size = dataSize(contacts);
    console.log(`\n${contacts} contacts:`);
    const result = await runSize(plan, size);
    sizes.push(result);
    console.log(`  done: ${describeSize(result)}`);
  }
  const results: BenchResults = { measuredAt: new Date().toISOString(), plan: plan.name, machine: describeMachine(), sizes };
  const report = renderReport(results);
  console.log(`\n${report}\n`);
  save(plan.recorded ? 'bench/results.json' : 'bench/out/results.json', results);
  if (plan.recorded) writeDocsSection('results', report);
}

async function benchPhotos(plan: BenchPlan): Promise<void> {
  console.log(`\nPhotos: libraries of ${plan.photoCounts.join(', ')} photos of ${plan.photoBytes / 1024} KB`);
  const results: PhotoResult[] = [];
  const libraries = [...plan.photoCounts.map((count) => ({ count, bytes: plan.photoBytes })), ...(plan.phonePhotos ? [plan.phonePhotos] : [])];
  for (const { count, bytes } of libraries) {
    const result = await measurePhotoMirror(count, bytes, PHOTO_TIMEOUT_MS);
    console.log(`  ${count} photos of ${Math.round(bytes / 1024)} KB: floor ${result.floorListMs} + ${result.floorDownloadMs} ms, mirror ${result.mirrorMs} ms, ratio ${result.ratio}`);
    results.push(result);
  }
  const measuredAt = new Date().toISOString();
  const report = renderPhotoReport(results, measuredAt);
  console.log(`\n${report}\n`);
  save(plan.recorded ? 'bench/photo-results.json' : 'bench/out/photo-results.json', { measuredAt, plan: plan.name, machine: describeMachine(), results });
  if (plan.recorded) writeDocsSection('photos', report);
}

const plan = planFromArgs(process.argv.slice(2));
console.log(`Lifeboat benchmark, plan ${plan.name}`);
if (plan.only !== 'photos') await benchDav(plan);
if (plan.only !== 'dav') await benchPhotos(plan);
if (plan.recorded) console.log(`Updated ${DOCS}`);
