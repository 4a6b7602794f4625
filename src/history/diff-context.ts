// Long unchanged stretches of a diff folded into one "N unchanged lines" entry, keeping a few
// lines of context around each change, as `diff -u` does.
import type { DiffLine } from './diff-line';

export type ShownLine = DiffLine | { change: 'skipped'; count: number };

export function withContext(diff: readonly DiffLine[], context = 2): ShownLine[] {
  const near = diff.map(() => false);
  diff.forEach((line, index) => {
    if (line.change === 'same') return;
    for (let i = Math.max(0, index - context); i <= Math.min(diff.length - 1, index + context); i++) near[i] = true;
  });
  const shown: ShownLine[] = [];
  let skipped = 0;
  diff.forEach((line, index) => {
    if (near[index]) {
      if (skipped > 0) shown.push({ change: 'skipped', count: skipped });
      skipped = 0;
      shown.push(line);
    } else skipped++;
  });
  if (skipped > 0) shown.push({ change: 'skipped', count: skipped });
  return shown;
}
