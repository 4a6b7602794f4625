// Rewrites a card line by line. Only lines a rewrite actually changes are re-serialised; every
// other line keeps its exact physical text (folds included). Re-serialising whole cards with
// ical.js would upper-case groups, re-escape URI values (it writes "data:image/jpeg;base64\,…")
// and re-fold everything, which is the opposite of what a backup should do.
import { formatContentLine, type ContentLine } from './content-line';
import type { ReadCard } from './read-card';

/** `null`: keep the line as written. An array (possibly empty): the lines to write instead. */
export type LineRewrite = (line: ContentLine, index: number) => ContentLine[] | null;

/** Runs `first`, then `second` on each line it produced. */
export function composeRewrites(first: LineRewrite, second: LineRewrite): LineRewrite {
  return (line, index) => {
    const a = first(line, index);
    let changed = a !== null;
    const out: ContentLine[] = [];
    for (const l of a ?? [line]) {
      const b = second(l, index);
      if (b === null) out.push(l);
      else {
        changed = true;
        out.push(...b);
      }
    }
    return changed ? out : null;
  };
}

/**
 * The card's lines after `rewrite`: original physical lines (still folded as the server folded
 * them) for untouched lines, one unfolded line for each rewritten one. Blank lines are dropped
 * (RFC 6350 §3.3 has no empty content line).
 */
export function rewriteCard(card: ReadCard, rewrite: LineRewrite | null): string[] {
  const out: string[] = [];
  card.lines.forEach((l, index) => {
    const replaced = rewrite === null ? null : rewrite(l.line, index);
    if (replaced !== null) {
      for (const r of replaced) out.push(formatContentLine(r));
      return;
    }
    const head = card.physical[l.first] ?? '';
    // A line that starts indented with nothing before it to continue: write it unindented.
    // BEGIN and END are written whole even when folded (RFC 6350 §3.2 allows it): readers
    // that cut a file into cards look for them as whole lines.
    if (head.startsWith(' ') || head.startsWith('\t') || (l.count > 1 && isMarker(l.line))) {
      out.push(l.text);
      return;
    }
    for (let i = l.first; i < l.first + l.count; i++) out.push(card.physical[i] ?? '');
  });
  return out;
}

function isMarker(line: ContentLine): boolean {
  return line.upperName === 'BEGIN' || line.upperName === 'END';
}

/** A plain content line, for lines a rewrite adds (e.g. VERSION). */
export function simpleLine(name: string, value: string): ContentLine {
  return { group: null, name, upperName: name.toUpperCase(), params: [], value };
}
