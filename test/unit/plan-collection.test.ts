import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planCollection } from '../../src/sync/plan-collection';
import type { MirroredRef } from '../../src/model/mirrored-ref';

const mirror = (entries: Array<[string, string, boolean?]>) =>
  new Map<string, MirroredRef>(entries.map(([href, etag, live = true]) => [href, { etag, live }]));

describe('planCollection', () => {
  it('fetches new and changed items and counts the rest as unchanged', () => {
    const plan = planCollection(
      { mode: 'full', items: [{ href: 'a', etag: '1' }, { href: 'b', etag: '2' }, { href: 'c', etag: '1' }], cursor: {} },
      mirror([['a', '1'], ['b', '1']]),
    );
    expect(plan).toEqual({ fetch: ['b', 'c'], markDeleted: [], unchanged: 1 });
  });

  it('marks items absent from a full listing as deleted, never deleting them', () => {
    const plan = planCollection({ mode: 'full', items: [{ href: 'a', etag: '1' }], cursor: {} }, mirror([['a', '1'], ['b', '1'], ['c', '1', false]]));
    expect(plan.markDeleted).toEqual(['b']);
  });

  it('re-fetches an item that comes back after being deleted upstream', () => {
    const plan = planCollection({ mode: 'full', items: [{ href: 'a', etag: '1' }], cursor: {} }, mirror([['a', '1', false]]));
    expect(plan.fetch).toEqual(['a']);
  });

  it('uses the removed list of a delta, ignoring hrefs the mirror never had', () => {
    const plan = planCollection({ mode: 'delta', changed: [], removed: ['a', 'zzz'], cursor: {} }, mirror([['a', '1']]));
    expect(plan.markDeleted).toEqual(['a']);
  });

  it('plans nothing when the collection is unchanged', () => {
    expect(planCollection({ mode: 'unchanged' }, mirror([['a', '1']]))).toEqual({ fetch: [], markDeleted: [], unchanged: 1 });
  });

  it('never plans to fetch and delete the same item, and covers every listed item', () => {
    const href = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f');
    const etag = fc.constantFrom('1', '2', '3');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(href, etag, fc.boolean())),
        fc.uniqueArray(fc.record({ href, etag }), { selector: (item) => item.href }),
        (mirrored, listed) => {
          const m = mirror(mirrored);
          const plan = planCollection({ mode: 'full', items: listed, cursor: {} }, m);
          const fetched = new Set(plan.fetch);
          expect(plan.markDeleted.some((h) => fetched.has(h))).toBe(false);
          expect(plan.fetch.length + plan.unchanged).toBe(listed.length);
          for (const h of plan.markDeleted) expect(m.get(h)?.live).toBe(true);
        },
      ),
    );
  });
});

describe('planCollection with items that failed last time', () => {
  it('fetches them again whatever the listing says, unless they are gone upstream', () => {
    const m = mirror([['a', '1']]);
    expect(planCollection({ mode: 'unchanged' }, m, new Set(['x'])).fetch).toEqual(['x']);
    expect(planCollection({ mode: 'delta', changed: [], removed: [], cursor: {} }, m, new Set(['x'])).fetch).toEqual(['x']);
    expect(planCollection({ mode: 'delta', changed: [], removed: ['x'], cursor: {} }, m, new Set(['x'])).fetch).toEqual([]);
    expect(planCollection({ mode: 'full', items: [{ href: 'a', etag: '1' }], cursor: {} }, m, new Set(['x'])).fetch).toEqual([]);
    expect(planCollection({ mode: 'full', items: [{ href: 'a', etag: '1' }, { href: 'x', etag: '9' }], cursor: {} }, m, new Set(['x'])).fetch).toEqual(['x']);
  });
});
