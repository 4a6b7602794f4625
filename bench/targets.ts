// The targets ("Performance", its table), checked per server against the figures of the
// largest size measured. A target set for 10,000 contacts + 10,000 events + 1,000 tasks (about
// 20,000 items) is judged only when that size was measured; a smaller run says so instead of
// passing or failing. Growth is judged between a size of about 2,000 items and one of 20,000 or
// more (the sweep's smallest and largest).
import type { FloorEvidence } from './floor-evidence';
import { formatMb, formatMs, formatRatio } from './format';
import type { Figure, SideBySideResult, SizeResult } from './results';

export interface TargetCheck {
  target: string;
  measured: string;
  /** null: not judged at this size. */
  met: boolean | null;
  /** What a floor's own script found about this target's reach (floor-evidence.ts). */
  floor?: string;
}

/** Growth exponent k in time ∝ size^k between two sizes (1 = linear). */
export function growthExponent(first: number, last: number, sizeFirst: number, sizeLast: number): number {
  return Math.log(last / first) / Math.log(sizeLast / sizeFirst);
}

export const GROWTH_UP_TO = 1.1;
/** The sizes are round; 10,000 contacts make 21,000 items, 1,000 make 2,100. */
const BIG_ITEMS = 20_000;
const SMALL_ITEMS = 2_100;

type Pick = (s: SizeResult) => number | undefined;

/** Every figure of the sweep whose growth is judged, by name. */
export const GROWING_FIGURES: Array<[name: string, pick: Pick]> = [
  ['first mirror', (s) => s.lifeboat.first.value],
  ['no-change sync', (s) => s.lifeboat.noChange.value],
  ['100 changes', (s) => s.lifeboat.changes.value],
  ['.vcf click to file', (s) => s.lifeboat.exportVcfWithDownload.value],
  ['.ics click to file', (s) => s.lifeboat.exportIcsWithDownload.value],
  ['popup first paint', (s) => s.lifeboat.popupFirstPaint?.value],
  ['popup counts shown', (s) => s.lifeboat.popupCountsShown.value],
  ['worker heap', (s) => s.lifeboat.heapPeakBytes.value],
];

type Check = [target: string, measured: number | undefined, limit: number, format: (n: number) => string, atLeast?: boolean, floor?: string];

function judge([target, measured, limit, format, atLeast, floor]: Check, judged: boolean): TargetCheck {
  const evidence = floor === undefined ? {} : { floor };
  if (measured === undefined) return { target, measured: 'not measured', met: null, ...evidence };
  return { target, measured: format(measured), met: judged ? (atLeast ? measured >= limit : measured <= limit) : null, ...evidence };
}

const ratio = (a: Figure, b: Figure): number => a.value / b.value;

/**
 * The size the targets are judged at: the 10,000 contacts (about 20,000 items). A larger
 * size of a chosen sweep (--sizes) is for growth only, so it stands for the judged size only when alone.
 */
export function judgedSize(sizes: SizeResult[]): SizeResult | undefined {
  return [...sizes].reverse().find((s) => s.items >= BIG_ITEMS && s.size.contacts <= 10_000) ?? sizes.at(-1);
}

/** The spans growth is judged over: smallest → judged size, and judged size → any larger size. */
export function growthSpans(sizes: SizeResult[]): Array<[from: SizeResult, to: SizeResult]> {
  const first = sizes[0];
  const judged = judgedSize(sizes);
  const last = sizes.at(-1);
  if (!first || !judged || !last) return [];
  const stops = [...new Set([first, judged, last])];
  return stops.slice(1).map((to, i) => [stops[i]!, to]);
}

/** `evidence`: the floors' own findings (floor-evidence.ts), shown beside the targets they bound. */
export function checkTargets(sizes: SizeResult[], evidence: FloorEvidence = {}): TargetCheck[] {
  const at20k = judgedSize(sizes);
  if (!at20k) return [];
  const judged = at20k.items >= BIG_ITEMS;
  const { floor, lifeboat: lb, vdirsyncer: vd } = at20k;
  const checks: Check[] = [
    ['First full mirror ≤ 1.5× the cheapest-pattern floor', ratio(lb.first, floor.first), 1.5, formatRatio, false, evidence.firstMirror],
    ['First full mirror ≥ 5× faster than vdirsyncer', vd ? ratio(vd.first, lb.first) : undefined, 5, formatRatio, true],
    ['No-change sync ≤ 2× the floor', ratio(lb.noChange, floor.noChange), 2, formatRatio, false, evidence.noChange],
    ['No-change sync ≥ 10× faster than vdirsyncer', vd ? ratio(vd.noChange, lb.noChange) : undefined, 10, formatRatio, true],
    ['100 upstream changes ≤ 2× the floor', ratio(lb.changes, floor.changes), 2, formatRatio, false, evidence.changes],
    ['Popup first paint ≤ 50 ms, 20,000 items', lb.popupFirstPaint?.value, 50, formatMs, false, evidence.popupFirstPaint],
    ['Popup counts shown ≤ 150 ms, 20,000 items', lb.popupCountsShown.value, 150, formatMs],
    ['.vcf of 10,000 contacts, click to file ≤ 300 ms', lb.exportVcfWithDownload.value, 300, formatMs],
    ['.ics of 11,000 events and tasks, click to file ≤ 500 ms', lb.exportIcsWithDownload.value, 500, formatMs],
    ['Worker heap during the 20k mirror ≤ 64 MB', lb.heapPeakBytes.value, 64 * 2 ** 20, formatMb],
  ];
  return [...checks.map((check) => judge(check, judged)), growth(sizes)];
}

function growth(sizes: SizeResult[]): TargetCheck {
  const first = sizes[0];
  const last = sizes.at(-1);
  const target = `Growth exponent ≤ ${GROWTH_UP_TO} for every figure, ${first && first.items <= SMALL_ITEMS ? 'from 2,000' : 'from the smallest size'} to ${last && last.items > 2 * BIG_ITEMS ? last.items.toLocaleString('en-US') : '20,000'} items`;
  if (!first || !last || first === last) return { target, measured: 'one size only', met: null };
  // Judged over each span (the smallest size to the judged 20,000 items, and on to any larger
  // size), so a figure that grows fast only past 20,000 items is caught rather than averaged away.
  return growthOver(growthSpans(sizes), target, first.items <= SMALL_ITEMS && last.items >= BIG_ITEMS);
}

/** The contacts the growth part goes up to: the 100,000-contact point. */
const GROWTH_POINT = 100_000;

/**
 * The growth part (run-bench.ts `--only growth`): 10,000 → 100,000 contacts beside the same
 * calendars, each figure's exponent over the items, judged when both ends were measured.
 */
export function checkContactsGrowth(sizes: SizeResult[]): TargetCheck {
  const first = sizes[0];
  const last = sizes.at(-1);
  const target = `Growth exponent ≤ ${GROWTH_UP_TO} for every figure, from ${first ? first.size.contacts.toLocaleString('en-US') : '10,000'} to ${last ? last.size.contacts.toLocaleString('en-US') : '100,000'} contacts (the calendars unchanged)`;
  if (!first || !last || first === last) return { target, measured: 'one size only', met: null };
  return growthOver([[first, last]], target, first.size.contacts <= 10_000 && last.size.contacts >= GROWTH_POINT);
}

function growthOver(spans: Array<[from: SizeResult, to: SizeResult]>, target: string, judged: boolean): TargetCheck {
  const exponents = spans.flatMap(([from, to]) =>
    GROWING_FIGURES.flatMap(([name, pick]) => {
      const [a, b] = [pick(from), pick(to)];
      const span = spans.length > 1 ? ` from ${from.items.toLocaleString('en-US')} to ${to.items.toLocaleString('en-US')} items` : '';
      return a === undefined || b === undefined ? [] : [[`${name}${span}`, growthExponent(a, b, from.items, to.items)] as const];
    }),
  );
  if (exponents.length === 0) return { target, measured: 'not measured', met: null };
  const worst = exponents.reduce((w, e) => (e[1] > w[1] ? e : w));
  return {
    target,
    measured: `highest: ${worst[0]} ${worst[1].toFixed(2)} (all in the sweep table)`,
    met: judged ? exponents.every(([, k]) => k <= GROWTH_UP_TO) : null,
  };
}

export function checkSideBySide(side: SideBySideResult): TargetCheck {
  const measured = side.vdirsyncer.value / side.lifeboat.value;
  return {
    target: `As a person sees it: ${side.contacts.toLocaleString('en-US')} contacts, Lifeboat ≥ 5× faster than vdirsyncer's first sync`,
    measured: formatRatio(measured),
    met: side.contacts >= 3000 ? measured >= 5 : null,
  };
}

/** "MET     …" lines for the terminal. */
export function verdictLines(label: string, checks: TargetCheck[]): string[] {
  return checks.map((c) => `${c.met === null ? 'NOT JUDGED' : c.met ? 'MET' : 'MISSED'}`.padEnd(11) + `${label}${c.target}: ${c.measured}` + (c.floor ? ` (floor: ${c.floor})` : ''));
}
