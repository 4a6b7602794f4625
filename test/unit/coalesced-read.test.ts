// The pages' counts are re-read when small rows change, however often: at most one read per
// interval, never two at once, and never a change left unread (src/shared/coalesced-read.ts).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { coalescedRead } from '../../src/shared/coalesced-read';

const INTERVAL = 1_000;

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** A read that stays open until the test finishes it, counting how many started. */
function heldRead() {
  const started: Array<() => void> = [];
  const read = () => new Promise<void>((resolve) => started.push(resolve));
  return { read, started, finish: async (index: number) => { started[index]!(); await vi.advanceTimersByTimeAsync(0); } };
}

describe('a coalesced read', () => {
  it('reads at once on the first request', () => {
    const { read, started } = heldRead();
    coalescedRead(read, INTERVAL).request();
    expect(started).toHaveLength(1);
  });

  it('folds every request during a read and its pause into one read at the pause’s end', async () => {
    const { read, started, finish } = heldRead();
    const reader = coalescedRead(read, INTERVAL);
    reader.request();
    for (let batch = 0; batch < 50; batch++) reader.request();
    await finish(0);
    reader.request();
    await vi.advanceTimersByTimeAsync(INTERVAL - 1);
    expect(started).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(started).toHaveLength(2);
  });

  it('leaves no change unread: a request during the last read brings one more', async () => {
    const { read, started, finish } = heldRead();
    const reader = coalescedRead(read, INTERVAL);
    reader.request();
    reader.request();
    await finish(0);
    await vi.advanceTimersByTimeAsync(INTERVAL);
    expect(started).toHaveLength(2);
    await finish(1);
    await vi.advanceTimersByTimeAsync(INTERVAL * 5);
    expect(started).toHaveLength(2);
  });

  it('reads at once again after a quiet interval, and never after stop', async () => {
    const { read, started, finish } = heldRead();
    const reader = coalescedRead(read, INTERVAL);
    reader.request();
    await finish(0);
    await vi.advanceTimersByTimeAsync(INTERVAL);
    reader.request();
    expect(started).toHaveLength(2);
    reader.request();
    reader.stop();
    await finish(1);
    await vi.advanceTimersByTimeAsync(INTERVAL * 5);
    reader.request();
    expect(started).toHaveLength(2);
  });

  it('reads at once when asked now, skipping the pause after the last read', async () => {
    const { read, started, finish } = heldRead();
    const reader = coalescedRead(read, INTERVAL);
    reader.request();
    await finish(0);
    reader.request();
    expect(started).toHaveLength(1);
    reader.request(true);
    expect(started).toHaveLength(2);
    await finish(1);
    await vi.advanceTimersByTimeAsync(INTERVAL * 5);
    expect(started).toHaveLength(2);
  });

  it('reads right after the read under way when asked now during it, not an interval later', async () => {
    const { read, started, finish } = heldRead();
    const reader = coalescedRead(read, INTERVAL);
    reader.request();
    reader.request(true);
    expect(started).toHaveLength(1);
    await finish(0);
    expect(started).toHaveLength(2);
    await finish(1);
    await vi.advanceTimersByTimeAsync(INTERVAL * 5);
    expect(started).toHaveLength(2);
  });

  it('keeps reading after a read that failed', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    let calls = 0;
    const reader = coalescedRead(() => (++calls === 1 ? Promise.reject(new Error('closed')) : Promise.resolve()), INTERVAL);
    reader.request();
    await vi.advanceTimersByTimeAsync(0);
    reader.request();
    await vi.advanceTimersByTimeAsync(INTERVAL);
    expect(calls).toBe(2);
    expect(error).toHaveBeenCalledOnce();
  });
});
