// Exports what the mirror holds of each corpus source and has Python's vobject and icalendar
// judge the result against what the server served (judge_items.py). Modes:
//   server       the corpus file against what the server served (what the server changed; for
//                the record, never a failure of ours);
//   export-served  a card exported in the version it was served in (3.0 or 4.0);
//   export-3.0   every card exported as vCard 3.0 (the default export);
//   export-ics   every calendar object of the source in one .ics.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportIcs } from '../../src/exporters/ical-export';
import { exportVcf, type VcfVersion } from '../../src/exporters/vcard-export';
import { keepRefused, servedTexts } from '../../src/exporters/export-tally';
import type { CorpusItem } from './corpus-items';
import { withUid } from './serve-corpus';

export type JudgeMode = 'server' | 'export-served' | 'export-3.0' | 'export-ics';

export interface Served {
  item: CorpusItem;
  /** The collection it was served from: one export file per collection, as a person exports. */
  collection: string;
  /** The text the mirror holds: what the server served. */
  raw: string;
}

export interface Judgement {
  id: string;
  mode: JudgeMode;
  status: 'exact' | 'equal' | 'converted-equal' | 'differs' | 'missing' | 'unjudged' | 'skipped';
  rules?: string[];
  diffs?: unknown[];
  error?: string;
  reason?: string;
  /** Missing: why the export's components this parser could not read were refused. */
  export_errors?: string[];
}

/** Conversion rules per mode (judge_items.py documents each). */
export const RULES: Record<JudgeMode, string[]> = {
  server: ['version', 'four-only', 'label', 'media', 'tel', 'geo', 'dates', 'charset', 'params'],
  'export-served': ['charset'],
  'export-3.0': ['version', 'four-only', 'label', 'media', 'tel', 'geo', 'dates', 'charset', 'params'],
  'export-ics': ['tzid-renamed'],
};

const JUDGE = join(import.meta.dirname, 'judge_items.py');

function servedVersion(raw: string): string {
  return /^VERSION:([^\r\n]*)/im.exec(raw.replace(/\r?\n[ \t]/g, ''))?.[1]?.trim() ?? '';
}

export interface Pair {
  id: string;
  kind: 'vcard' | 'ical';
  mode: JudgeMode;
  reference: string;
  file: string;
}

/** One export file and the pairs judged against it; items the exporter left out, as skipped. */
function exportPairs(params: { mode: JudgeMode; served: Served[]; files: Record<string, string>; pairs: Pair[]; skipped: Judgement[]; version?: VcfVersion }): void {
  const { mode, served, files, pairs, skipped } = params;
  if (served.length === 0) return;
  const first = served[0]!;
  const file = `${first.collection}.${mode}${params.version ? `.${params.version}` : ''}`;
  const raws = served.map((s) => s.raw);
  const result = first.item.kind === 'vcard' ? exportVcf(raws, { version: params.version ?? '3.0' }) : exportIcs(raws);
  // As the product's export does (build-export.ts): a whole object the builder refuses is
  // appended exactly as served; only one cut short is left out.
  const items = served.map((s) => ({ title: s.item.id, raw: s.raw }));
  const tally = { toBuild: raws.map((_, index) => index), keptAsServed: [] as number[], skipped: [] as Array<{ index: number; reason: string }> };
  keepRefused(tally, items, result.skipped);
  files[file] = result.text + servedTexts(items, tally.keptAsServed);
  const left = new Map(tally.skipped.map((s) => [s.index, s.reason]));
  served.forEach((s, index) => {
    const reason = left.get(index);
    if (reason !== undefined) skipped.push({ id: s.item.id, mode, status: 'skipped', reason });
    else pairs.push({ id: s.item.id, kind: s.item.kind, mode, reference: s.raw, file });
  });
}

export function judgeServed(served: Served[]): Judgement[] {
  const files: Record<string, string> = {};
  const pairs: Pair[] = [];
  const skipped: Judgement[] = [];
  const collections = [...new Set(served.map((s) => s.collection))];
  for (const collection of collections) {
    const own = served.filter((s) => s.collection === collection);
    const cards = own.filter((s) => s.item.kind === 'vcard');
    for (const version of ['3.0', '4.0'] as const) {
      exportPairs({ mode: 'export-served', served: cards.filter((c) => servedVersion(c.raw) === version), files, pairs, skipped, version });
    }
    exportPairs({ mode: 'export-3.0', served: cards, files, pairs, skipped, version: '3.0' });
    exportPairs({ mode: 'export-ics', served: own.filter((s) => s.item.kind === 'ical'), files, pairs, skipped });
  }
  for (const s of served) {
    const file = `server:${s.item.id}`;
    files[file] = s.raw;
    pairs.push({ id: s.item.id, kind: s.item.kind, mode: 'server', reference: withUid(s.item).toString('utf8'), file });
  }
  return [...runJudge(files, pairs), ...skipped];
}

/** Runs judge_items.py on export files and the pairs judged against them (also the browser drill's). */
export function runJudge(files: Record<string, string>, pairs: Pair[]): Judgement[] {
  const dir = mkdtempSync(join(tmpdir(), 'lifeboat-corpus-'));
  try {
    const job = join(dir, 'job.json');
    writeFileSync(job, JSON.stringify({ files, pairs, rules: RULES }), 'utf8');
    // Debian's python3 by full path: another python3 on PATH may lack vobject and icalendar.
    const run = spawnSync('/usr/bin/python3', [JUDGE, job], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 300_000 });
    if (run.status !== 0) throw new Error(`judge_items.py failed (${run.status}): ${run.stderr.slice(-2000)}`);
    return JSON.parse(run.stdout) as Judgement[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
