// Myers' greedy O(ND) shortest edit script ("An O(ND) Difference Algorithm and Its Variations",
// 1986). Each round d keeps, per diagonal k = x − y, the furthest x reached with d edits; the
// rounds' values are kept (the slice [−d, d] only, O(D²) in all) to walk the path back. Within
// each run of changes the removed lines come before the added ones, as `diff -u` shows them.
import type { DiffLine } from './diff-line';

/** The shortest diff of a and b, or undefined when it needs more than maxEdits edits. */
export function myersDiff(a: readonly string[], b: readonly string[], maxEdits: number): DiffLine[] | undefined {
  const n = a.length;
  const m = b.length;
  const limit = Math.min(n + m, maxEdits);
  const offset = limit + 1;
  const v = new Int32Array(2 * offset + 1);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= limit; d++) {
    trace.push(v.slice(offset - d, offset + d + 1));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return walkBack(a, b, trace, d);
    }
  }
  return undefined;
}

function walkBack(a: readonly string[], b: readonly string[], trace: readonly Int32Array[], last: number): DiffLine[] {
  const reversed: DiffLine[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = last; d >= 0; d--) {
    const v = trace[d]!;
    const at = (k: number): number => v[k + d]!;
    const k = x - y;
    const prevK = d === 0 ? 0 : k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      reversed.push({ change: 'same', text: a[x]! });
    }
    if (d > 0) {
      if (x === prevX) reversed.push({ change: 'added', text: b[--y]! });
      else reversed.push({ change: 'removed', text: a[--x]! });
    }
  }
  return removedFirst(reversed.reverse());
}

/** Within each run of changes, the removed lines first: the same edit, read more easily. */
function removedFirst(diff: readonly DiffLine[]): DiffLine[] {
  const out: DiffLine[] = [];
  let removed: DiffLine[] = [];
  let added: DiffLine[] = [];
  const flush = (): void => {
    out.push(...removed, ...added);
    removed = [];
    added = [];
  };
  for (const line of diff) {
    if (line.change === 'removed') removed.push(line);
    else if (line.change === 'added') added.push(line);
    else {
      flush();
      out.push(line);
    }
  }
  flush();
  return out;
}
