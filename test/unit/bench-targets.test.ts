// The benchmark's verdicts: each of the targets judged only at the size it is set for,
// ratios the right way round, and growth judged between about 2,000 and 20,000 items.
import { describe, expect, it } from 'vitest';
import { contactsGrowthSize, dataSize, type DataSize } from '../../bench/generate-data';
import type { BenchResults, Figure, SizeResult } from '../../bench/results';
import { renderReport, targetTable } from '../../bench/table';
import { checkContactsGrowth, checkTargets, growthExponent, judgedSize, verdictLines } from '../../bench/targets';
import type { Machine } from '../../bench/machine';

const f = (value: number): Figure => ({ value, runs: [value] });

/** A size whose Lifeboat figures are `scale` times those of a linear baseline. */
function sizeResult(contacts: number, scale = 1, size: DataSize = dataSize(contacts)): SizeResult {
  const items = size.contacts + size.events + size.tasks;
  const t = (perItem: number): Figure => f(perItem * items * scale);
  return {
    size,
    items,
    floor: { first: t(0.2), noChange: t(0.01), changes: f(100), firstPattern: '', noChangePattern: '', changesPattern: '', candidates: [], firstRequests: 0, firstBytes: 0 },
    lifeboat: {
      first: t(0.25),
      noChange: t(0.015),
      changes: f(150),
      changesSeen: [100],
      exportVcf: t(0.005),
      exportIcs: t(0.005),
      exportVcfWithDownload: t(0.01),
      exportIcsWithDownload: t(0.02),
      popupFirstPaint: f(40),
      popupCountsShown: f(120),
      heapPeakBytes: f(50 * 2 ** 20),
    },
    vdirsyncer: { discover: f(1000), first: t(2), noChange: t(0.3), changes: f(3000), retries: 0 },
  };
}

const MACHINE: Machine = { cpu: 'cpu', cores: 2, ramGb: 4, os: 'os', node: '20', chromium: 'Chromium', radicale: 'Radicale', cyrus: 'Cyrus', vdirsyncer: 'vdirsyncer', load15: 0 };

const byTarget = (sizes: SizeResult[]) => Object.fromEntries(checkTargets(sizes).map((c) => [c.target, c]));

describe('benchmark targets', () => {
  it('judges every target at 10,000 contacts + 10,000 events + 1,000 tasks', () => {
    const checks = byTarget([sizeResult(1000), sizeResult(10_000)]);
    expect(checks['First full mirror ≤ 1.5× the cheapest-pattern floor']).toMatchObject({ measured: '1.25×', met: true });
    expect(checks['First full mirror ≥ 5× faster than vdirsyncer']).toMatchObject({ measured: '8.00×', met: true });
    expect(checks['No-change sync ≥ 10× faster than vdirsyncer']).toMatchObject({ measured: '20.00×', met: true });
    expect(checks['.vcf of 10,000 contacts, click to file ≤ 300 ms']).toMatchObject({ measured: '210 ms', met: true });
    expect(checks['Worker heap during the 20k mirror ≤ 64 MB']?.met).toBe(true);
    expect(Object.values(checks).every((c) => c.met === true)).toBe(true);
  });

  it('says MISSED when a figure is over its target', () => {
    const big = sizeResult(10_000);
    big.lifeboat.first = f(big.floor.first.value * 1.6);
    big.lifeboat.popupFirstPaint = f(51);
    const checks = byTarget([sizeResult(1000), big]);
    expect(checks['First full mirror ≤ 1.5× the cheapest-pattern floor']?.met).toBe(false);
    expect(checks['Popup first paint ≤ 50 ms, 20,000 items']?.met).toBe(false);
    expect(verdictLines('radicale: ', checkTargets([sizeResult(1000), big]))).toContain('MISSED     radicale: Popup first paint ≤ 50 ms, 20,000 items: 51 ms');
  });

  it('does not judge a small run, nor a popup that marks no first paint', () => {
    const small = sizeResult(200);
    small.lifeboat.popupFirstPaint = null;
    const checks = checkTargets([small]);
    expect(checks.every((c) => c.met === null)).toBe(true);
    expect(checks.find((c) => c.target.startsWith('Popup first paint'))?.measured).toBe('not measured');
  });

  it('shows the floors\' evidence beside the two targets they bound, and only there', () => {
    const evidence = { firstMirror: 'storing floor ÷ floor 2.00×', popupFirstPaint: 'blank extension page 55 ms' };
    const checks = checkTargets([sizeResult(1000), sizeResult(10_000)], evidence);
    const floors = Object.fromEntries(checks.map((c) => [c.target, c.floor]));
    expect(floors['First full mirror ≤ 1.5× the cheapest-pattern floor']).toBe('storing floor ÷ floor 2.00×');
    expect(floors['Popup first paint ≤ 50 ms, 20,000 items']).toBe('blank extension page 55 ms');
    expect(checks.filter((c) => c.floor !== undefined)).toHaveLength(2);
    expect(verdictLines('', checks)).toContain('MET        Popup first paint ≤ 50 ms, 20,000 items: 40 ms (floor: blank extension page 55 ms)');
    expect(targetTable(checks)).toContain('| Popup first paint ≤ 50 ms, 20,000 items | 40 ms | MET | blank extension page 55 ms |');
    expect(targetTable(checkTargets([sizeResult(1000), sizeResult(10_000)]))).not.toContain('Best reachable');
  });

  it('fails growth when one figure grows faster than items^1.1', () => {
    expect(growthExponent(1, 100, 1, 10)).toBeCloseTo(2);
    expect(byTarget([sizeResult(1000), sizeResult(10_000)])['Growth exponent ≤ 1.1 for every figure, from 2,000 to 20,000 items']?.met).toBe(true);
    const big = sizeResult(10_000);
    big.lifeboat.exportIcsWithDownload = f(sizeResult(1000).lifeboat.exportIcsWithDownload.value * 10 ** 1.3);
    const growth = byTarget([sizeResult(1000), big])['Growth exponent ≤ 1.1 for every figure, from 2,000 to 20,000 items'];
    expect(growth?.met).toBe(false);
    expect(growth?.measured).toContain('.ics click to file 1.30');
  });

  it('judges the figures at 20,000 items even when a 100,000-contact point follows', () => {
    const huge = sizeResult(100_000, 3);
    const checks = byTarget([sizeResult(1000), sizeResult(10_000), huge]);
    expect(checks['First full mirror ≤ 1.5× the cheapest-pattern floor']?.met).toBe(true);
    expect(Object.values(checks).find((c) => c.target.startsWith('Growth'))?.met).toBe(false);
  });

  it('catches a figure that grows fast only between 20,000 items and the 100,000-contact point', () => {
    const huge = sizeResult(100_000);
    // Linear up to 21,000 items, then items^1.5 on to 210,000: over the whole span 2,100 → 210,000
    // that is only 1.25, and a flat figure grown so from 21,000 items would average out at 0.75.
    huge.lifeboat.popupCountsShown = f(120 * 10 ** 1.5);
    const growth = Object.values(byTarget([sizeResult(1000), sizeResult(10_000), huge])).find((c) => c.target.startsWith('Growth'));
    expect(growth?.target).toBe('Growth exponent ≤ 1.1 for every figure, from 2,000 to 210,000 items');
    expect(growth?.met).toBe(false);
    expect(growth?.measured).toContain('popup counts shown from 21,000 to 210,000 items 1.50');
  });

  it('reports a 100,000-contact point measured without vdirsyncer, the vdirsyncer targets judged at 20,000 items', () => {
    const huge: SizeResult = { ...sizeResult(100_000), vdirsyncer: null };
    const sizes = [sizeResult(1000), sizeResult(10_000), huge];
    expect(byTarget(sizes)['First full mirror ≥ 5× faster than vdirsyncer']).toMatchObject({ measured: '8.00×', met: true });
    const results: BenchResults = { measuredAt: '', plan: '', machine: MACHINE, servers: [{ server: 'radicale', sizes }], sideBySide: null };
    const report = renderReport(results, () => ({}));
    expect(report).toContain('**10,000 contacts + 10,000 events + 1,000 tasks (21,000 items)**');
    expect(report).toContain('| vdirsyncer: first sync | 4.20 s | 42.0 s | — | 1.00 | — |');
    expect(report).toContain('vdirsyncer is not run at 210,000 items');
    expect(judgedSize([huge])).toBe(huge);
  });

  it('judges the growth part from 10,000 to 100,000 contacts beside unchanged calendars, over the items', () => {
    expect(contactsGrowthSize(100_000)).toEqual({ contacts: 100_000, events: 1000, tasks: 100 });
    const at10k = sizeResult(10_000, 1, contactsGrowthSize(10_000));
    const at100k = sizeResult(100_000, 1, contactsGrowthSize(100_000));
    const linear = checkContactsGrowth([at10k, at100k]);
    expect(linear).toMatchObject({ target: 'Growth exponent ≤ 1.1 for every figure, from 10,000 to 100,000 contacts (the calendars unchanged)', met: true });
    // 11,100 → 101,100 items: a first mirror 11.5 times as long is items^1.11.
    at100k.lifeboat.first = f(at10k.lifeboat.first.value * 11.5);
    const fast = checkContactsGrowth([at10k, at100k]);
    expect(fast.met).toBe(false);
    expect(fast.measured).toBe('highest: first mirror 1.11 (all in the sweep table)');
    expect(checkContactsGrowth([at10k]).met).toBeNull();
    expect(checkContactsGrowth([sizeResult(1000, 1, contactsGrowthSize(1000)), sizeResult(5000, 1, contactsGrowthSize(5000))]).met).toBeNull();
  });
});
