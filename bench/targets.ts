// The targets the benchmark is held to, checked against the figures of the largest size
// measured. Targets set for 10,000 contacts + 10,000 events (or 20,000 items stored) are only
// judged when that size was measured; a smaller run says so instead of passing or failing.
import { formatMb, formatMs, formatRatio } from './format';
import type { SizeResult } from './results';

export interface TargetCheck {
  target: string;
  measured: string;
  /** null: not judged at this size. */
  met: boolean | null;
}

/** Growth exponent k in time ∝ size^k between the smallest and the largest size (1 = linear). */
export function growthExponent(first: number, last: number, sizeFirst: number, sizeLast: number): number {
  return Math.log(last / first) / Math.log(sizeLast / sizeFirst);
}

/** Up to this exponent a figure counts as growing linearly (measurement noise allowed for). */
export const LINEAR_UP_TO = 1.2;

type Check = [target: string, measured: number, limit: number, format: (n: number) => string, atLeast?: boolean];

export function checkTargets(sizes: SizeResult[]): TargetCheck[] {
  const big = sizes.at(-1);
  if (!big) return [];
  const judged = big.size.contacts >= 10_000 && big.size.events >= 10_000;
  const { floor, lifeboat, vdirsyncer } = big;
  const checks: Check[] = [
    ['First full mirror ≤ 1.5× the floor', lifeboat.first.value / floor.first.value, 1.5, formatRatio],
    ['First full mirror ≥ 5× faster than vdirsyncer', vdirsyncer.first.value / lifeboat.first.value, 5, formatRatio, true],
    ['No-change sync ≤ 2× the floor', lifeboat.noChange.value / floor.noChange.value, 2, formatRatio],
    ['No-change sync ≥ 10× faster than vdirsyncer', vdirsyncer.noChange.value / lifeboat.noChange.value, 10, formatRatio, true],
    ['10,000 contacts to .vcf ≤ 300 ms', lifeboat.exportVcf.value, 300, formatMs],
    ['10,000 events to .ics ≤ 500 ms', lifeboat.exportIcs.value, 500, formatMs],
    ['Popup usable ≤ 150 ms with 20,000 items stored', lifeboat.popup.value, 150, formatMs],
    ['Worker heap peak ≤ 150 MB during the 10k mirror', lifeboat.heapPeakBytes, 150 * 2 ** 20, formatMb],
  ];
  const results: TargetCheck[] = checks.map(([target, measured, limit, format, atLeast]) => ({
    target,
    measured: format(measured),
    met: judged ? (atLeast ? measured >= limit : measured <= limit) : null,
  }));
  results.push(linearity(sizes));
  return results;
}

function linearity(sizes: SizeResult[]): TargetCheck {
  const first = sizes[0];
  const last = sizes.at(-1);
  const target = `Time grows linearly with size (growth exponent ≤ ${LINEAR_UP_TO})`;
  if (!first || !last || first === last) return { target, measured: 'one size only', met: null };
  const figures = { 'first mirror': (s: SizeResult) => s.lifeboat.first.value, '.vcf': (s: SizeResult) => s.lifeboat.exportVcf.value, '.ics': (s: SizeResult) => s.lifeboat.exportIcs.value };
  const exponents = Object.entries(figures).map(([name, get]) => [name, growthExponent(get(first), get(last), first.items, last.items)] as const);
  return {
    target,
    measured: exponents.map(([name, k]) => `${name} ${k.toFixed(2)}`).join(', '),
    met: exponents.every(([, k]) => k <= LINEAR_UP_TO),
  };
}
