// The floor's request limit and how its request pattern is written next to its time.
import { describe, expect, it } from 'vitest';
import { describeRequests, limiter } from '../../bench/floor-pattern';

describe('floor pattern', () => {
  it('never has more requests in flight than its limit', async () => {
    const run = limiter(3);
    let inFlight = 0;
    let most = 0;
    const task = async (): Promise<void> => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight--;
    };
    await Promise.all(Array.from({ length: 10 }, () => run(task)));
    expect(most).toBe(3);
  });

  it('names each kind of request with its count and multiget size', () => {
    const counts = new Map([
      ['PROPFIND', [0, 0]],
      ['sync-collection', [0, 0, 0]],
      ['multiget', [1000, 1000, 500]],
    ]);
    expect(describeRequests(counts, 4)).toBe('PROPFIND ×2 + sync-collection ×3 + multiget 3×≤1000, 4 in flight');
    expect(describeRequests(new Map([['multiget', [100, 100]]]), 1)).toBe('multiget 2×100, 1 in flight');
  });
});
