import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { diffLines, type DiffLine } from '../../src/history/line-diff';

/** A series of 2,402 content lines, with repeated lines as a real VEVENT series has. */
function series(): string[] {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0'];
  for (let i = 0; lines.length < 2401; i++) lines.push(i % 8 === 0 ? 'BEGIN:VEVENT' : i % 8 === 7 ? 'END:VEVENT' : `DESCRIPTION:line ${i}`);
  lines.push('END:VCALENDAR');
  return lines;
}

function rebuilt(diff: readonly DiffLine[]): { before: string[]; after: string[] } {
  return { before: diff.filter((l) => l.change !== 'added').map((l) => l.text), after: diff.filter((l) => l.change !== 'removed').map((l) => l.text) };
}

describe('diffLines on a long series', () => {
  it('shows exactly the 150 changed lines of a 2,402-line series as changed', () => {
    const before = series();
    expect(before).toHaveLength(2402);
    const after = [...before];
    const changed = new Set<number>();
    for (let n = 0; n < 150; n++) changed.add(3 + n * 16);
    for (const at of changed) after[at] = `${after[at]} (edited)`;
    const diff = diffLines(before, after);
    expect(diff.filter((l) => l.change === 'removed').map((l) => l.text)).toEqual([...changed].map((at) => before[at]));
    expect(diff.filter((l) => l.change === 'added').map((l) => l.text)).toEqual([...changed].map((at) => after[at]));
    expect(diff.filter((l) => l.change === 'same')).toHaveLength(2402 - 150);
    expect(rebuilt(diff)).toEqual({ before, after });
  });

  it('past the cap on edits, falls back hunk by hunk at lines found once in each text', () => {
    const before = series();
    const after = before.map((line, at) => (at % 16 === 3 ? `${line} (edited)` : line));
    const edits = after.filter((line, at) => line !== before[at]).length;
    // A cap far below the 300 edits: Myers gives up and the unique lines cut the texts.
    const diff = diffLines(before, after, 20);
    expect(diff.filter((l) => l.change === 'removed')).toHaveLength(edits);
    expect(diff.filter((l) => l.change === 'same')).toHaveLength(2402 - edits);
    expect(rebuilt(diff)).toEqual({ before, after });
  });

  it('applying the diff to the old text gives the new text, at any cap', () => {
    const lines = fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { maxLength: 60 });
    fc.assert(
      fc.property(lines, lines, fc.integer({ min: 0, max: 40 }), (before, after, cap) => {
        const diff = diffLines(before, after, cap);
        expect(rebuilt(diff)).toEqual({ before, after });
      }),
      { numRuns: 300 },
    );
  });

  it('finds the shortest edit script when the cap allows it', () => {
    const lines = fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 14 });
    fc.assert(
      fc.property(lines, lines, (before, after) => {
        const kept = diffLines(before, after).filter((l) => l.change === 'same').length;
        expect(kept).toBe(lcsLength(before, after));
      }),
    );
  });
});

function lcsLength(a: readonly string[], b: readonly string[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j]!;
      row[j] = x === b[j - 1] ? diag + 1 : Math.max(row[j]!, row[j - 1]!);
      diag = up;
    }
  }
  return row[b.length]!;
}
