// The report: the largest size in detail with its ratios, the sweep across sizes with each
// figure's growth, and the targets, met or missed, said plainly. Markdown, for the terminal
// and for docs/BENCHMARKS.md alike.
import { formatCount, formatMb, formatMs, formatRatio, markdownTable } from './format';
import type { BenchResults, SizeResult } from './results';
import { checkTargets, growthExponent } from './targets';

const NOT_MEASURED = 'measured apart: see "Photos" below';

export function describeSize(s: SizeResult): string {
  const { contacts, events, tasks } = s.size;
  return `${formatCount(contacts)} contacts + ${formatCount(events)} events + ${formatCount(tasks)} tasks (${formatCount(s.items)} items)`;
}

function detail(s: SizeResult): string {
  const { floor, lifeboat: lb, vdirsyncer: vd } = s;
  const row = (name: string, f: number | null, l: number, v: number | null): string[] => [
    name,
    f === null ? '—' : formatMs(f),
    formatMs(l),
    v === null ? '—' : formatMs(v),
    f === null ? '—' : formatRatio(l / f),
    v === null ? '—' : formatRatio(v / l),
  ];
  return markdownTable(
    ['Figure', 'Floor (plain HTTP)', 'Lifeboat', 'vdirsyncer', 'Lifeboat ÷ floor', 'vdirsyncer ÷ Lifeboat'],
    [
      row(`First full mirror${vd.retries > 0 ? ` (vdirsyncer exited with an error ${vd.retries}× and was run again; all attempts counted)` : ''}`, floor.first.value, lb.first.value, vd.first.value),
      row('No-change sync', floor.noChange.value, lb.noChange.value, vd.noChange.value),
      row(`Sync of 100 upstream changes${lb.changesSeen === 100 ? '' : ` (Lifeboat's run changed ${lb.changesSeen})`}`, floor.changes.value, lb.changes.value, vd.changes.value),
      row(`Export ${formatCount(s.size.contacts)} contacts to .vcf (command → blob ready)`, null, lb.exportVcf.value, null),
      row(`Export ${formatCount(s.size.events + s.size.tasks)} events and tasks to .ics (command → blob ready)`, null, lb.exportIcs.value, null),
      row('Export .vcf, whole click (through the worker, download started)', null, lb.exportVcfWithDownload.value, null),
      row('Export .ics, whole click (through the worker, download started)', null, lb.exportIcsWithDownload.value, null),
      row(`Popup open-to-interactive (${formatCount(s.items)} items stored)`, null, lb.popup.value, null),
      ['Service-worker JS heap peak, first mirror', '—', formatMb(lb.heapPeakBytes), '—', '—', '—'],
      ['Photo mirror throughput and peak memory', '—', NOT_MEASURED, '—', '—', '—'],
    ],
  );
}

type Pick = (s: SizeResult) => number;

function sweep(sizes: SizeResult[]): string {
  const rows: Array<[string, Pick, boolean?]> = [
    ['Floor: first full mirror', (s) => s.floor.first.value],
    ['Lifeboat: first full mirror', (s) => s.lifeboat.first.value],
    ['vdirsyncer: first sync', (s) => s.vdirsyncer.first.value],
    ['Floor: no-change sync', (s) => s.floor.noChange.value],
    ['Lifeboat: no-change sync', (s) => s.lifeboat.noChange.value],
    ['vdirsyncer: no-change sync', (s) => s.vdirsyncer.noChange.value],
    ['Lifeboat: sync of 100 changes', (s) => s.lifeboat.changes.value],
    ['Lifeboat: export .vcf', (s) => s.lifeboat.exportVcf.value],
    ['Lifeboat: export .ics', (s) => s.lifeboat.exportIcs.value],
    ['Lifeboat: export .vcf, whole click', (s) => s.lifeboat.exportVcfWithDownload.value],
    ['Lifeboat: export .ics, whole click', (s) => s.lifeboat.exportIcsWithDownload.value],
    ['Lifeboat: popup open-to-interactive', (s) => s.lifeboat.popup.value],
    ['Lifeboat: worker heap peak', (s) => s.lifeboat.heapPeakBytes, true],
  ];
  const first = sizes[0]!;
  const last = sizes.at(-1)!;
  const growth = (pick: Pick): string =>
    first === last ? '—' : growthExponent(pick(first), pick(last), first.items, last.items).toFixed(2);
  return markdownTable(
    ['Figure', ...sizes.map((s) => `${formatCount(s.items)} items`), 'growth exponent'],
    rows.map(([name, pick, bytes]) => [name, ...sizes.map((s) => (bytes ? formatMb(pick(s)) : formatMs(pick(s)))), growth(pick)]),
  );
}

function targets(sizes: SizeResult[]): string {
  const verdict = (met: boolean | null): string => (met === null ? 'not judged at this size' : met ? 'met' : '**MISSED**');
  return markdownTable(
    ['Target', 'Measured', 'Result'],
    checkTargets(sizes).map((t) => [t.target, t.measured, verdict(t.met)]),
  );
}

export function renderReport(results: BenchResults): string {
  const last = results.sizes.at(-1);
  if (!last) return 'No sizes were measured.';
  const m = results.machine;
  return [
    `Measured ${results.measuredAt} (plan: ${results.plan}) on ${m.cpu}, ${m.cores} cores, ${m.ramGb} GB RAM, ${m.os}; ` +
      `${m.chromium}, Node ${m.node}, ${m.radicale}, ${m.vdirsyncer}.`,
    '',
    `**${describeSize(last)}**`,
    '',
    detail(last),
    '',
    '**Size sweep** (growth exponent k: time ∝ items^k between the smallest and largest size; 1 is linear)',
    '',
    sweep(results.sizes),
    '',
    '**Targets** (judged at the largest size)',
    '',
    targets(results.sizes),
  ].join('\n');
}
