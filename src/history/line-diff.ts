// A line diff between two texts of an item, for the version history. Myers' O(ND) algorithm
// (`myers-diff.ts`) on what remains once the common head and tail are trimmed, so a long series
// with a few scattered changes costs time in proportion to its length times the number of
// changed lines, not length squared. Past a cap on D the texts are cut at lines found once in
// each (patience anchors, `patience-anchors.ts`) and each hunk is diffed on its own; only a hunk
// with no anchor that still exceeds the cap shows as removed then added, never the whole file.
import type { DiffLine } from './diff-line';
import { myersDiff } from './myers-diff';
import { patienceAnchors } from './patience-anchors';

export type { DiffLine } from './diff-line';

/** The most edits Myers' search explores before the texts are cut at anchors (memory is O(D²)). */
export const MAX_EDITS = 1000;

export function diffLines(before: readonly string[], after: readonly string[], maxEdits = MAX_EDITS): DiffLine[] {
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < before.length - head && tail < after.length - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  const a = before.slice(head, before.length - tail);
  const b = after.slice(head, after.length - tail);
  return [...same(before.slice(0, head)), ...middle(a, b, maxEdits), ...same(before.slice(before.length - tail))];
}

function same(lines: readonly string[]): DiffLine[] {
  return lines.map((text) => ({ change: 'same', text }));
}

function middle(a: readonly string[], b: readonly string[], maxEdits: number): DiffLine[] {
  if (a.length === 0 || b.length === 0) return replaced(a, b);
  const exact = myersDiff(a, b, maxEdits);
  if (exact) return exact;
  const anchors = patienceAnchors(a, b);
  if (anchors.length === 0) return replaced(a, b);
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  for (const [ai, bj] of anchors) {
    out.push(...diffLines(a.slice(i, ai), b.slice(j, bj), maxEdits), { change: 'same', text: a[ai]! });
    i = ai + 1;
    j = bj + 1;
  }
  out.push(...diffLines(a.slice(i), b.slice(j), maxEdits));
  return out;
}

/** One hunk shown as all its old lines removed, then all its new lines added. */
function replaced(a: readonly string[], b: readonly string[]): DiffLine[] {
  return [...a.map((text): DiffLine => ({ change: 'removed', text })), ...b.map((text): DiffLine => ({ change: 'added', text }))];
}
