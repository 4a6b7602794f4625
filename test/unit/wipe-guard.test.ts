import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assessWipeCounts, type WipeCounts } from '../../src/model/wipe-guard';

const policy = { wipeShare: 0.2, wipeMinItems: 10 };
const counts = (liveBefore: number, deleted: number, changed = 0, emptied = false): WipeCounts => ({ liveBefore, deleted, changed, emptied });

describe('assessWipeCounts', () => {
  it('raises on a run that deletes more than 20% of a collection, and at least 10 items', () => {
    expect(assessWipeCounts(counts(100, 21), policy)).toEqual({ kind: 'mass-change', liveBefore: 100, deleted: 21, changed: 0 });
  });

  it('stays quiet at 20% or below', () => {
    expect(assessWipeCounts(counts(100, 20), policy)).toBeNull();
  });

  it('stays quiet under the minimum count even when the share is large', () => {
    expect(assessWipeCounts(counts(10, 9), policy)).toBeNull();
  });

  it('counts changes as well as deletions', () => {
    expect(assessWipeCounts(counts(40, 0, 40), policy)).toMatchObject({ kind: 'mass-change', changed: 40, deleted: 0 });
  });

  it('raises when a collection is suddenly empty, whatever its size', () => {
    expect(assessWipeCounts(counts(3, 3, 0, true), policy)).toMatchObject({ kind: 'emptied', liveBefore: 3, deleted: 3 });
  });

  it('never raises for a collection that was empty already', () => {
    expect(assessWipeCounts(counts(0, 0, 0, true), policy)).toBeNull();
  });

  it('raises exactly when the share and the minimum are both passed, and more loss never silences it', () => {
    const run = fc.record({ liveBefore: fc.integer({ min: 1, max: 10_000 }), deleted: fc.nat(10_000), changed: fc.nat(10_000) });
    fc.assert(
      fc.property(run, fc.nat(100), ({ liveBefore, deleted, changed }, more) => {
        const affected = deleted + changed;
        const finding = assessWipeCounts(counts(liveBefore, deleted, changed), policy);
        expect(finding !== null).toBe(affected >= policy.wipeMinItems && affected > policy.wipeShare * liveBefore);
        if (finding) expect(assessWipeCounts(counts(liveBefore, deleted + more, changed), policy)).not.toBeNull();
      }),
    );
  });
});
