// Collections side by side: never more than asked at once, every one run, and a failure that
// ends the run starting no new collection while those under way finish.
import { describe, expect, it } from 'vitest';
import { runBounded } from '../../src/sync/run-bounded';

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 1));

describe('runBounded', () => {
  it('runs every task, at most `atOnce` at a time', async () => {
    let running = 0;
    let most = 0;
    const done: number[] = [];
    await runBounded([0, 1, 2, 3, 4, 5, 6], 3, async (n) => {
      running++;
      most = Math.max(most, running);
      await tick();
      running--;
      done.push(n);
    }, () => true);
    expect(done.sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(most).toBe(3);
  });

  it('stops starting tasks after one that ends the run, lets the started ones finish, then throws', async () => {
    const started: number[] = [];
    const finished: number[] = [];
    const stop = new Error('server busy');
    await expect(
      runBounded([0, 1, 2, 3, 4], 2, async (n) => {
        started.push(n);
        if (n === 0) throw stop;
        await tick();
        finished.push(n);
      }, (error) => error === stop),
    ).rejects.toBe(stop);
    expect(started).toEqual([0, 1]);
    expect(finished).toEqual([1]);
  });
});
