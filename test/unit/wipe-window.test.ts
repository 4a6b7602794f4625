// The high-water mark and the slow-decline judgment, pure: checked over random histories.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assessRun } from '../../src/model/wipe-guard';
import { recordLive, windowHigh, WINDOW_DAYS, type LiveMark } from '../../src/model/wipe-window';

const policy = { wipeShare: 0.2, wipeMinItems: 10 };
const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.UTC(2026, 0, 1);

/** Runs a history of live counts, one run every `gapHours`: the run at which an alarm is first raised. */
function firstAlarm(counts: number[], gapHours: number): number | null {
  let highs: LiveMark[] = [];
  for (let run = 1; run < counts.length; run++) {
    const at = T0 + run * gapHours * 3600_000;
    const liveBefore = counts[run - 1]!;
    const liveAfter = counts[run]!;
    const deleted = Math.max(0, liveBefore - liveAfter);
    const seen = recordLive(highs, { live: liveBefore, at: at - 1 });
    const finding = assessRun({ counts: { liveBefore, deleted, changed: 0, emptied: false }, liveAfter, high: windowHigh(seen, at), alarmOpen: false }, policy);
    if (finding) return run;
    highs = recordLive(seen, { live: liveAfter, at });
    expect(highs.length).toBeLessThanOrEqual(WINDOW_DAYS + 1);
  }
  return null;
}

describe('the wipe window', () => {
  it('the drill: 200 contacts, 18 deleted before each sync, alarm at the third sync', () => {
    expect(firstAlarm([200, 182, 164, 146, 128], 1)).toBe(3);
    expect(firstAlarm([200, 182, 164, 146, 128], 24 * 7)).toBe(3);
  });

  it('a slow decline is judged against the highest count of the window, and says when that was', () => {
    const high = { live: 200, at: T0 };
    const finding = assessRun({ counts: { liveBefore: 164, deleted: 18, changed: 0, emptied: false }, liveAfter: 146, high, alarmOpen: false }, policy);
    expect(finding).toEqual({ kind: 'slow-decline', liveBefore: 200, deleted: 54, changed: 0, since: T0 });
  });

  it('an alarm still open is not repeated for the same decline; a big run alarms anyway', () => {
    const high = { live: 200, at: T0 };
    const slow = { counts: { liveBefore: 146, deleted: 18, changed: 0, emptied: false }, liveAfter: 128, high, alarmOpen: true };
    expect(assessRun(slow, policy)).toBeNull();
    const big = { ...slow, counts: { liveBefore: 146, deleted: 100, changed: 0, emptied: false }, liveAfter: 46 };
    expect(assessRun(big, policy)).toMatchObject({ kind: 'mass-change', deleted: 100 });
  });

  it('any slow decline past the share (and the minimum) of the 30-day high is caught at the run that crosses it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 50, max: 5000 }), fc.integer({ min: 1, max: 19 }), fc.integer({ min: 1, max: 48 }), (start, percentStep, gapHours) => {
        const step = Math.max(1, Math.floor((start * percentStep) / 100));
        const counts = Array.from({ length: 12 }, (_, run) => Math.max(0, start - run * step));
        // Every step stays under the per-run share; the window covers all 12 runs (at most 22 days).
        const crossing = counts.findIndex((live) => start - live >= policy.wipeMinItems && start - live > policy.wipeShare * start);
        expect(firstAlarm(counts, gapHours)).toBe(crossing === -1 ? null : crossing);
      }),
    );
  });

  it('growth, or a count that never falls below the share of its high, never raises an alarm', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.array(fc.integer({ min: -5, max: 50 }), { minLength: 1, maxLength: 40 }), (start, steps) => {
        const counts = [start];
        for (const delta of steps) counts.push(Math.max(counts.at(-1)! + delta, Math.ceil(Math.max(...counts) * 0.8)));
        expect(firstAlarm(counts, 6)).toBeNull();
      }),
    );
  });

  it('keeps at most one entry a day over the window, and the highest of it', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ live: fc.nat(10_000), hours: fc.integer({ min: 0, max: 24 * 90 }) }), { maxLength: 200 }), (seen) => {
        const marks = seen.map(({ live, hours }) => ({ live, at: T0 + hours * 3600_000 })).sort((a, b) => a.at - b.at);
        let highs: LiveMark[] = [];
        for (const mark of marks) highs = recordLive(highs, mark);
        const last = marks.at(-1);
        if (!last) return;
        expect(highs.length).toBeLessThanOrEqual(WINDOW_DAYS + 1);
        const day = (at: number) => Math.floor(at / DAY);
        const inWindow = marks.filter((mark) => day(last.at) - day(mark.at) <= WINDOW_DAYS);
        expect(windowHigh(highs, last.at)?.live).toBe(Math.max(...inWindow.map((mark) => mark.live)));
      }),
    );
  });

  it('forgets a high once it is more than 30 days old', () => {
    const highs = [{ live: 500, at: T0 }, { live: 100, at: T0 + 10 * DAY }];
    expect(windowHigh(highs, T0 + 30 * DAY)?.live).toBe(500);
    expect(windowHigh(highs, T0 + 31 * DAY)?.live).toBe(100);
    expect(windowHigh([], T0)).toBeNull();
  });
});
