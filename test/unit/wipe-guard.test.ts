import { describe, expect, it } from 'vitest';
import { assessWipe } from '../../src/sync/wipe-guard';
import { planCollection, type MirroredRef } from '../../src/sync/plan-collection';
import type { ChangeListing } from '../../src/sources/source';

const policy = { wipeShare: 0.2, wipeMinItems: 10 };
const mirrorOf = (n: number) => new Map<string, MirroredRef>(Array.from({ length: n }, (_, i) => [`h${i}`, { etag: '1', live: true }]));
const fullListing = (hrefs: string[], etag = '1'): ChangeListing => ({ mode: 'full', items: hrefs.map((href) => ({ href, etag })), cursor: {} });
const assess = (listing: ChangeListing, mirror: Map<string, MirroredRef>) => assessWipe(listing, planCollection(listing, mirror), mirror, policy);

describe('assessWipe', () => {
  it('raises on a run that deletes more than 20% of a collection, and at least 10 items', () => {
    const mirror = mirrorOf(100);
    const kept = [...mirror.keys()].slice(0, 79);
    expect(assess(fullListing(kept), mirror)).toEqual({ kind: 'mass-change', liveBefore: 100, deleted: 21, changed: 0 });
  });

  it('stays quiet at 20% or below', () => {
    const mirror = mirrorOf(100);
    expect(assess(fullListing([...mirror.keys()].slice(0, 80)), mirror)).toBeNull();
  });

  it('stays quiet under the minimum count even when the share is large', () => {
    const mirror = mirrorOf(10);
    expect(assess(fullListing([...mirror.keys()].slice(0, 1)), mirror)).toBeNull();
  });

  it('counts changes as well as deletions', () => {
    const mirror = mirrorOf(40);
    expect(assess(fullListing([...mirror.keys()], '2'), mirror)).toMatchObject({ kind: 'mass-change', changed: 40, deleted: 0 });
  });

  it('raises when a collection is suddenly empty, whatever its size', () => {
    expect(assess(fullListing([]), mirrorOf(3))).toMatchObject({ kind: 'emptied', liveBefore: 3, deleted: 3 });
  });

  it('never raises for a collection that was empty already', () => {
    expect(assess(fullListing([]), mirrorOf(0))).toBeNull();
  });

  it('sees a mass deletion in a delta listing too', () => {
    const mirror = mirrorOf(50);
    const listing: ChangeListing = { mode: 'delta', changed: [], removed: [...mirror.keys()].slice(0, 45), cursor: {} };
    expect(assess(listing, mirror)).toMatchObject({ kind: 'mass-change', deleted: 45 });
  });
});
