// Where the mirror-over-time chart draws: time across, live items up, from numbers only. Pure,
// so a test can check that a wipe is a line falling to the floor.
import type { HistoryLine } from '../../db/mirror-history';

export const WIDTH = 640;
export const HEIGHT = 220;
/** Room for the count labels on the left and the dates below. */
export const MARGIN = { left: 56, right: 16, top: 12, bottom: 28 } as const;

export interface Scale {
  x(at: number): number;
  y(live: number): number;
  /** The counts the horizontal guides are drawn at, 0 first. */
  ticks: number[];
  from: number;
  to: number;
}

/** A round top for the count axis: 1, 2 or 5 times a power of ten, at least the highest count. */
export function roundTop(highest: number): number {
  if (highest <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(highest));
  return [1, 2, 5, 10].map((step) => step * power).find((top) => top >= highest)!;
}

/** `moments`: other times the axis must reach (the backups saved since the first run shown). */
export function scaleFor(lines: HistoryLine[], moments: number[] = []): Scale {
  const times = [...lines.flatMap((line) => line.points.map((p) => p.at)), ...moments];
  const from = Math.min(...times);
  const to = Math.max(...times);
  const top = roundTop(Math.max(0, ...lines.flatMap((line) => line.points.map((p) => p.live))));
  const inner = { width: WIDTH - MARGIN.left - MARGIN.right, height: HEIGHT - MARGIN.top - MARGIN.bottom };
  return {
    // One moment only: in the middle.
    x: (at) => MARGIN.left + (to === from ? inner.width / 2 : ((at - from) / (to - from)) * inner.width),
    y: (live) => MARGIN.top + inner.height - (live / top) * inner.height,
    ticks: [0, top / 2, top],
    from,
    to,
  };
}

/**
 * An SVG path through a line's points, oldest first; a step keeps a count level until the next
 * run, and the last one until the end of the axis (the mirror holds it until a run changes it).
 */
export function linePath(line: HistoryLine, scale: Scale): string {
  const steps = line.points.map((p, i) => {
    const x = scale.x(p.at).toFixed(1);
    const y = scale.y(p.live).toFixed(1);
    if (i === 0) return `M${x} ${y}`;
    // Level until this run, then up or down at it: the count changed during the run.
    return `H${x} V${y}`;
  });
  const last = line.points.at(-1);
  if (last && last.at < scale.to) steps.push(`H${scale.x(scale.to).toFixed(1)}`);
  return steps.join(' ');
}
