// The figures docs/FIDELITY.md quotes: per source, how many items, how many the server refused,
// and per judging mode how many came out exact, equal, converted-equal or different. Written to
// test-output/corpus-<server>.json by the corpus test.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CorpusItem } from './corpus-items';
import type { Judgement } from './corpus-judge';
import type { Refusal } from './serve-corpus';

export interface SourceFigures {
  items: number;
  refused: number;
  mirrored: number;
  notRead: number;
  modes: Record<string, Record<string, number>>;
}

export interface CorpusSummary {
  server: string;
  sources: Record<string, SourceFigures>;
  refused: Refusal[];
  /** Items the server served that the engine's readers refused: id → the reader's reason. */
  notRead: Record<string, string>;
  /** Every judgement that is not exact or equal, with its rules or differences. */
  notable: Judgement[];
}

export function summarize(params: {
  server: string;
  items: CorpusItem[];
  refused: Refusal[];
  mirrored: Set<string>;
  notRead: Map<string, string>;
  judgements: Judgement[];
}): CorpusSummary {
  const sources: Record<string, SourceFigures> = {};
  const sourceOf = new Map(params.items.map((i) => [i.id, i.source]));
  for (const item of params.items) {
    const figures = (sources[item.source] ??= { items: 0, refused: 0, mirrored: 0, notRead: 0, modes: {} });
    figures.items++;
    if (params.mirrored.has(item.id)) figures.mirrored++;
    if (params.notRead.has(item.id)) figures.notRead++;
  }
  for (const refusal of params.refused) {
    const source = sourceOf.get(refusal.id);
    if (source !== undefined && sources[source]) sources[source].refused++;
  }
  for (const j of params.judgements) {
    const figures = sources[sourceOf.get(j.id) ?? ''];
    if (!figures) continue;
    const mode = (figures.modes[j.mode] ??= {});
    mode[j.status] = (mode[j.status] ?? 0) + 1;
  }
  const notable = params.judgements.filter((j) => j.status !== 'exact' && j.status !== 'equal');
  return { server: params.server, sources, refused: params.refused, notRead: Object.fromEntries(params.notRead), notable };
}

export function writeSummary(summary: CorpusSummary): string {
  const dir = join(import.meta.dirname, '..', '..', 'test-output');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `corpus-${summary.server}.json`);
  writeFileSync(file, `${JSON.stringify(summary, null, 1)}\n`, 'utf8');
  return file;
}
