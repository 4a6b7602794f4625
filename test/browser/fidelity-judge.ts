// Judges the files the extension wrote in the browser against what the server served, item by
// item: judge_items.py (Python's vobject and icalendar, not the exporter) for every property, and
// plain text checks for what a parser would forgive: a 4.0 card exported in 4.0 must hold the
// served lines exactly (line endings and folding aside), and every inline photo the same bytes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runJudge, type Judgement, type Pair } from '../corpus/corpus-judge';
import { acceptedBecause } from '../corpus/known-differences';
import { cardBlocks, cardsWithUid, firstValue, inlinePhotos, sameLines, unfoldLines, type ServedItem } from './fidelity-served';

export interface DrillFiles {
  /** The popup's one-click .vcf (vCard 3.0). */
  vcf30: string;
  /** The options panel's .vcf with vCard 4.0 chosen. */
  vcf40: string;
  /** The popup's one-click .ics. */
  ics: string;
}

export interface DrillCheck {
  id: string;
  /** What failed, in words; empty when the item passed every check. */
  problem: string;
}

export interface DrillResult {
  judgements: Judgement[];
  /** 4.0-served cards whose 4.0 export holds their lines exactly. */
  exact40: string[];
  /** How many cards were served as 4.0. */
  served40: number;
  /** Text checks that failed: a 4.0 card not exact in 4.0, a photo whose bytes changed. */
  textProblems: DrillCheck[];
  /** Cards with inline photos, and how many photos were compared. */
  photosCompared: number;
}

function servedVersion(text: string): string {
  return firstValue(text, 'VERSION')?.trim() ?? '';
}

function photoProblems(id: string, served: string[], exported: string[][], file: string): DrillCheck[] {
  const own = inlinePhotos(served);
  if (own.length === 0) return [];
  if (exported.length === 0) return [{ id, problem: `${file}: no card with its UID` }];
  const same = exported.some((lines) => {
    const theirs = inlinePhotos(lines);
    return theirs.length === own.length && theirs.every((bytes, i) => bytes.equals(own[i]!));
  });
  return same ? [] : [{ id, problem: `${file}: a photo's bytes differ` }];
}

export function judgeDrill(served: ServedItem[], files: DrillFiles): DrillResult {
  const pairs: Pair[] = [];
  const exact40: string[] = [];
  let served40 = 0;
  const textProblems: DrillCheck[] = [];
  let photosCompared = 0;
  const blocks30 = cardBlocks(files.vcf30);
  const blocks40 = cardBlocks(files.vcf40);
  for (const { placement, text } of served) {
    const { id, kind } = placement.item;
    if (kind === 'ical') {
      pairs.push({ id, kind, mode: 'export-ics', reference: text, file: 'ics' });
      continue;
    }
    pairs.push({ id, kind, mode: 'export-3.0', reference: text, file: 'vcf30' });
    const uid = firstValue(text, 'UID') ?? '';
    const in40 = cardsWithUid(blocks40, uid);
    if (servedVersion(text) === '4.0') {
      served40++;
      pairs.push({ id, kind, mode: 'export-served', reference: text, file: 'vcf40' });
      if (in40.some((lines) => sameLines(text, lines))) exact40.push(id);
      else textProblems.push({ id, problem: `vcf40: not exact (${in40.length} card(s) with its UID)` });
    }
    const lines = unfoldLines(text);
    photosCompared += inlinePhotos(lines).length;
    textProblems.push(...photoProblems(id, lines, cardsWithUid(blocks30, uid), 'vcf30'), ...photoProblems(id, lines, in40, 'vcf40'));
  }
  return { judgements: runJudge({ ...files }, pairs), exact40, served40, textProblems, photosCompared };
}

const OK = new Set(['exact', 'equal', 'converted-equal']);

/** Judgements that are neither equal nor listed in known-differences.ts. */
export function drillFailures(judgements: Judgement[]): Judgement[] {
  return judgements.filter((j) => !OK.has(j.status) && acceptedBecause(j) === undefined);
}

/** Per source and mode: how many items came out exact, equal, converted-equal, differs… */
export function drillFigures(judgements: Judgement[]): Record<string, Record<string, Record<string, number>>> {
  const figures: Record<string, Record<string, Record<string, number>>> = {};
  for (const j of judgements) {
    const source = j.id.split('/')[0]!;
    const modes = (figures[source] ??= {});
    const counts = (modes[j.mode] ??= {});
    counts[j.status] = (counts[j.status] ?? 0) + 1;
  }
  return figures;
}

/**
 * Writes test-output/fidelity-drill-<server>.json, which docs/FIDELITY.md quotes, and beside it
 * the files judged (the exports and every served text), to read a difference by eye.
 */
export function writeDrillSummary(server: string, summary: Record<string, unknown>, files: Record<string, string> = {}): string {
  const dir = join(import.meta.dirname, '..', '..', 'test-output');
  mkdirSync(join(dir, `fidelity-drill-${server}`), { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, `fidelity-drill-${server}`, name.replace(/\//g, '__')), text, 'utf8');
  const file = join(dir, `fidelity-drill-${server}.json`);
  writeFileSync(file, `${JSON.stringify(summary, null, 2)}\n`, 'utf8');
  return file;
}
