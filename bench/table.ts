// The report: per server, the largest size in detail with its ratios and the floor's request
// patterns, the sweep across sizes with each figure's growth, and the targets, met or missed,
// said plainly; then the side-by-side "as a person sees it". Markdown, for the terminal and for
// docs/BENCHMARKS.md alike.
import type { Settled } from './disk-settled';
import type { ServerName } from './bench-server';
import { formatCount, formatMb, formatMs, formatRatio, markdownTable } from './format';
import type { BenchResults, CpuSplit, Figure, SideBySideResult, SizeResult } from './results';
import { checkContactsGrowth, checkSideBySide, checkTargets, growthExponent, growthSpans, judgedSize, type TargetCheck } from './targets';
import type { FloorEvidence } from './floor-evidence';

const SERVER_LABEL: Record<ServerName, string> = { radicale: 'Radicale', cyrus: 'Cyrus IMAP' };

export function describeSize(s: SizeResult): string {
  const { contacts, events, tasks } = s.size;
  return `${formatCount(contacts)} contacts + ${formatCount(events)} events + ${formatCount(tasks)} tasks (${formatCount(s.items)} items)`;
}

/** "1.23 s (1.20–1.31 s, 3 runs)": the median and the spread of the runs behind it. */
function withRuns(f: Figure, format: (n: number) => string = formatMs): string {
  if (f.runs.length < 2) return format(f.value);
  return `${format(f.value)} (${format(Math.min(...f.runs))}–${format(Math.max(...f.runs))}, ${f.runs.length} runs)`;
}

function detail(s: SizeResult): string {
  const { floor, lifeboat: lb, vdirsyncer: vd } = s;
  const seen = lb.changesSeen.every((n) => n === 100) ? '' : ` (Lifeboat's runs changed ${lb.changesSeen.join(', ')})`;
  const row = (name: string, f: Figure | null, pattern: string, l: Figure, v: Figure | null): string[] => [
    name,
    f === null ? '—' : `${withRuns(f)}: ${pattern}`,
    withRuns(l),
    v === null ? '—' : withRuns(v),
    f === null ? '—' : formatRatio(l.value / f.value),
    v === null ? '—' : formatRatio(v.value / l.value),
  ];
  const only = (name: string, l: Figure | null, format?: (n: number) => string): string[] => [name, '—', l === null ? 'not measured yet' : withRuns(l, format), '—', '—', '—'];
  return markdownTable(
    ['Figure', 'Floor (cheapest pattern, plain HTTP): time and requests', 'Lifeboat', 'vdirsyncer', 'Lifeboat ÷ floor', 'vdirsyncer ÷ Lifeboat'],
    [
      row(`First full mirror${vd && vd.retries > 0 ? ` (vdirsyncer exited with an error ${vd.retries}× and was run again; all attempts counted)` : ''}`, floor.first, floor.firstPattern, lb.first, vd?.first ?? null),
      row('No-change sync', floor.noChange, floor.noChangePattern, lb.noChange, vd?.noChange ?? null),
      row(`Sync of 100 upstream changes${seen}`, floor.changes, floor.changesPattern, lb.changes, vd?.changes ?? null),
      only(`.vcf of ${formatCount(s.size.contacts)} contacts, click to file (command → file complete in Downloads)`, lb.exportVcfWithDownload),
      only(`.ics of ${formatCount(s.size.events + s.size.tasks)} events and tasks, click to file (command → file complete)`, lb.exportIcsWithDownload),
      only(`.vcf, click to file right after the mirror, before the disk settled${settledNote(lb.clicksSettled)}`, lb.exportVcfRightAfterMirror ?? null),
      only('.vcf, click to download started', lb.exportVcfStarted ?? null),
      only('.ics, click to download started', lb.exportIcsStarted ?? null),
      only('.vcf, build alone (offscreen: command → blob ready)', lb.exportVcf),
      only('.ics, build alone (offscreen: command → blob ready)', lb.exportIcs),
      ...(lb.readyPagesBuild ? [readyBuildRow(lb.readyPagesBuild)] : []),
      only(`Popup first paint (${formatCount(s.items)} items stored)`, lb.popupFirstPaint),
      only(`Popup counts shown (${formatCount(s.items)} items stored)`, lb.popupCountsShown),
      only('Service-worker JS heap peak, first mirror', lb.heapPeakBytes, formatMb),
    ],
  );
}

function candidates(s: SizeResult): string {
  const tried = s.floor.candidates.map((c) => `${c.batch === 'all' ? 'one multiget per collection' : `batches of ${c.batch}`}, ${c.inFlight} in flight: ${formatMs(c.ms)}`);
  return `Floor batchings tried once each (the cheapest is measured): ${tried.join('; ')}.`;
}

type Pick = (s: SizeResult) => Figure | null;

function sweep(sizes: SizeResult[]): string {
  const rows: Array<[string, Pick, boolean?]> = [
    ['Floor: first full mirror', (s) => s.floor.first],
    ['Lifeboat: first full mirror', (s) => s.lifeboat.first],
    ['vdirsyncer: first sync', (s) => s.vdirsyncer?.first ?? null],
    ['Floor: no-change sync', (s) => s.floor.noChange],
    ['Lifeboat: no-change sync', (s) => s.lifeboat.noChange],
    ['vdirsyncer: no-change sync', (s) => s.vdirsyncer?.noChange ?? null],
    ['Floor: sync of 100 changes', (s) => s.floor.changes],
    ['Lifeboat: sync of 100 changes', (s) => s.lifeboat.changes],
    ['Lifeboat: .vcf click to file', (s) => s.lifeboat.exportVcfWithDownload],
    ['Lifeboat: .ics click to file', (s) => s.lifeboat.exportIcsWithDownload],
    ['Lifeboat: popup first paint', (s) => s.lifeboat.popupFirstPaint],
    ['Lifeboat: popup counts shown', (s) => s.lifeboat.popupCountsShown],
    ['Lifeboat: worker heap peak', (s) => s.lifeboat.heapPeakBytes, true],
  ];
  const spans = growthSpans(sizes);
  const growth = (pick: Pick, [from, to]: [SizeResult, SizeResult]): string => {
    const [a, b] = [pick(from), pick(to)];
    return !a || !b ? '—' : growthExponent(a.value, b.value, from.items, to.items).toFixed(2);
  };
  const cell = (f: Figure | null, bytes?: boolean): string => (f === null ? '—' : bytes ? formatMb(f.value) : formatMs(f.value));
  const spanName = ([from, to]: [SizeResult, SizeResult]): string => (spans.length > 1 ? `growth exponent ${formatCount(from.items)} → ${formatCount(to.items)}` : 'growth exponent');
  const table = markdownTable(
    ['Figure', ...sizes.map((s) => `${formatCount(s.items)} items`), ...(spans.length > 0 ? spans.map(spanName) : ['growth exponent'])],
    rows
      // A row no size measured (vdirsyncer in the growth part) says nothing.
      .filter(([, pick]) => sizes.some((s) => pick(s) !== null))
      .map(([name, pick, bytes]) => [name, ...sizes.map((s) => cell(pick(s), bytes)), ...(spans.length > 0 ? spans.map((span) => growth(pick, span)) : ['—'])]),
  );
  const withoutVdirsyncer = sizes.filter((s) => s.vdirsyncer === null).map((s) => formatCount(s.items));
  return withoutVdirsyncer.length === 0 || withoutVdirsyncer.length === sizes.length
    ? table
    : `${table}\n\nvdirsyncer is not run at ${withoutVdirsyncer.join(', ')} items: its figures are judged at 20,000 items only, and one of its syncs there would take a quarter of an hour or more.`;
}

const verdict = (met: boolean | null): string => (met === null ? 'not judged at this size' : met ? 'MET' : '**MISSED**');

/** With a column for the floors' evidence (floor-evidence.ts) when a check carries some. */
export function targetTable(checks: TargetCheck[]): string {
  if (!checks.some((t) => t.floor)) return markdownTable(['Target', 'Measured', 'Result'], checks.map((t) => [t.target, t.measured, verdict(t.met)]));
  return markdownTable(['Target', 'Measured', 'Result', 'Best reachable (floor, its own run)'], checks.map((t) => [t.target, t.measured, verdict(t.met), t.floor ?? '—']));
}

function sideBySide(side: SideBySideResult): string {
  return [
    `**As a person sees it** (${SERVER_LABEL[side.server]}, ${formatCount(side.contacts)} contacts with photos, grouped properties and long notes, in one run)`,
    '',
    markdownTable(
      ['Client', 'First mirror', 'What is timed'],
      [
        ['Lifeboat', withRuns(side.lifeboat), 'click on "Add account" in the options page (Chromium, the built extension) → the popup shows every contact'],
        ['vdirsyncer', withRuns(side.vdirsyncer), '`vdirsyncer sync` after `vdirsyncer discover`'],
        ['vdirsyncer discover', withRuns(side.vdirsyncerDiscover), 'not counted in the ratio'],
        ...(side.floor ? [['Floor', withRuns(side.floor), `the cheapest request pattern for the same contacts (plain HTTP, no storing); the last round's: ${side.floorPattern ?? ''}`]] : []),
      ],
    ),
    '',
    ...(side.floor
      ? [
          `Best any client could show against vdirsyncer here (vdirsyncer ÷ floor): ${formatRatio(side.vdirsyncer.value / side.floor.value)}; Lifeboat ÷ floor: ${formatRatio(side.lifeboat.value / side.floor.value)}.` +
            (side.loads ? ` Load average at the start of each round: ${side.loads.join(', ')}.` : ''),
          '',
        ]
      : []),
    ...(side.cpu ? [sideBySideCpu(side.cpu), ''] : []),
    targetTable([checkSideBySide(side)]),
  ].join('\n');
}

/** CPU time of each side (process-cpu.ts): what each client costs the server, and itself. */
function sideBySideCpu(cpu: NonNullable<SideBySideResult['cpu']>): string {
  const row = (name: string, split: CpuSplit, what: string): string[] => [name, formatMs(split.server), formatMs(split.client), what];
  return markdownTable(
    ['CPU time (median)', 'Radicale', 'Client', 'Client counted'],
    [
      row('Lifeboat', cpu.lifeboat, "Chromium's processes (browser with IndexedDB, the extension's worker and pages, network)"),
      row('vdirsyncer', cpu.vdirsyncer, 'the vdirsyncer process'),
      row('Floor', cpu.floor, 'the plain HTTP client'),
    ],
  );
}

/** The machine, the software and, when other work ran as a part began, a warning. */
function header(results: BenchResults): string[] {
  const m = results.machine;
  const parts = [
    `Measured ${results.measuredAt} (plan: ${results.plan}; every figure is the median of its runs) on ${m.cpu}, ${m.cores} cores, ${m.ramGb} GB RAM, ${m.os}; ` +
      `${m.chromium}, Node ${m.node}, ${m.radicale}, ${m.cyrus}, ${m.vdirsyncer}.`,
  ];
  // A busy machine slows the clients and the servers alike, but not by the same factor.
  // The benchmark itself keeps both cores busy (a server, Chromium, vdirsyncer), so the load at
  // the end says little; the load as each server's part began says whether other work ran.
  const startLoads = results.servers.map((r) => r.loadAtStart).filter((load): load is number => load !== undefined);
  const busy = startLoads.length > 0 ? Math.max(...startLoads) > 1.5 : m.load15 > m.cores;
  if (busy) parts.push(`**Development run, not a final figure:** other work ran on the machine as it began (load average ${startLoads.length > 0 ? Math.max(...startLoads) : m.load15} on ${m.cores} cores), so every time here is noisy; compare ratios measured side by side, not absolute times.`);
  return parts;
}

function whenMeasured({ measuredAt, load15, loadAtStart }: BenchResults['servers'][number]): string[] {
  return measuredAt ? [`Measured ${measuredAt}${loadAtStart === undefined ? '' : `; load average ${loadAtStart} as it began`}${load15 === undefined ? '' : `, ${load15} over the last 15 minutes at its end (the benchmark's own work included)`}.`] : [];
}

/** One server's part: when it ran, `shown` in detail with its floor's batchings, the sweep, the verdicts. */
function serverSection(result: BenchResults['servers'][number], shown: SizeResult, heading: string, sweepTitle: string, verdicts: string[]): string[] {
  return [heading, ...whenMeasured(result), `**${describeSize(shown)}**`, detail(shown), candidates(shown), sweepTitle, sweep(result.sizes), ...verdicts];
}

/** `evidence`: the floors' findings per server (floor-evidence.ts), beside the targets they bound. */
export function renderReport(results: BenchResults, evidence: (server: ServerName) => FloorEvidence = () => ({})): string {
  const parts = header(results);
  for (const result of results.servers) {
    const { server, sizes } = result;
    const last = judgedSize(sizes);
    if (!last) continue;
    parts.push(
      ...serverSection(result, last, `### ${SERVER_LABEL[server]}`, '**Size sweep** (growth exponent k: time ∝ items^k between the smallest and largest size; 1 is linear)', [
        `**Targets on ${SERVER_LABEL[server]}** (judged at 10,000 contacts + 10,000 events + 1,000 tasks)`,
        targetTable(checkTargets(sizes, evidence(server))),
      ]),
    );
  }
  if (results.sideBySide) parts.push(sideBySide(results.sideBySide));
  return parts.join('\n\n');
}

/** The growth part (--only growth): the largest size in detail, the sweep, the growth verdict. */
export function renderGrowthReport(results: BenchResults): string {
  const parts = header(results);
  for (const result of results.servers) {
    const { server, sizes } = result;
    const last = sizes.at(-1);
    if (!last) continue;
    const heading = `### ${SERVER_LABEL[server]}: ${sizes.map((s) => formatCount(s.size.contacts)).join(' → ')} contacts`;
    parts.push(...serverSection(result, last, heading, '**Growth** (exponent k: time ∝ items^k; 1 is linear)', [targetTable([checkContactsGrowth(sizes)])]));
  }
  return parts.join('\n\n');
}

/** What the wait before the judged clicks found (disk-settled.ts). */
function settledNote(settled: Settled | undefined): string {
  if (!settled) return '';
  return ` (then ${settled.pendingMbAtStart.toFixed(0)} MB waiting to be written; the judged clicks came ${(settled.waitedMs / 1000).toFixed(1)} s later${settled.settled ? '' : ', the wait timed out'})`;
}

/** The ready exports' first build after the first mirror: background work, not part of a click. */
function readyBuildRow(built: { contacts: number | null; calendars: number | null }): string[] {
  const ms = (value: number | null) => (value === null ? '—' : formatMs(value));
  return ['Exports kept ready: first build of their pages after the first mirror (background, .vcf / .ics)', '—', `${ms(built.contacts)} / ${ms(built.calendars)}`, '—', '—', '—'];
}
