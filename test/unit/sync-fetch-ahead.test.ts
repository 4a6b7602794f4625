// The engine's fetch pipeline: batches handed over in listing order, never more than `depth`
// in flight, sized by the bytes per item seen so far, and a failure that stops the run
// surfacing in order (never an unhandled rejection from a batch fetched ahead).
import { describe, expect, it } from 'vitest';
import { fetchAhead } from '../../src/sync/fetch-ahead';
import { batchSizer, fixedBatchSizer } from '../../src/sync/batch-sizer';
import type { RemoteItem } from '../../src/model/source';

const hrefs = (n: number): string[] => Array.from({ length: n }, (_, i) => `/c/${i}.vcf`);

/** A fetch whose answers the test releases one by one, counting what is in flight. */
function gatedFetch(bytesPerItem = 10) {
  const pending: Array<() => void> = [];
  const state = { inFlight: 0, maxInFlight: 0, asked: [] as number[] };
  const fetch = (batch: string[]): Promise<RemoteItem[]> => {
    state.inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
    state.asked.push(batch.length);
    return new Promise((resolve) =>
      pending.push(() => {
        state.inFlight--;
        resolve(batch.map((href) => ({ href, etag: '"e"', data: 'x'.repeat(bytesPerItem) })));
      }),
    );
  };
  const releaseAll = (): void => {
    for (const release of pending.splice(0)) release();
  };
  /** Answers the oldest request only: the ones after it are still on the wire. */
  const releaseOne = (): void => pending.shift()?.();
  return { fetch, state, releaseAll, releaseOne };
}

async function drain(iterator: AsyncGenerator<{ requested: string[] }>, onBatch: () => void = () => undefined): Promise<string[]> {
  const seen: string[] = [];
  for await (const batch of iterator) {
    seen.push(...batch.requested);
    onBatch();
  }
  return seen;
}

describe('fetchAhead', () => {
  it('hands batches over in listing order with at most `depth` in flight', async () => {
    const gate = gatedFetch();
    const timer = setInterval(gate.releaseAll, 1);
    try {
      const seen = await drain(fetchAhead(hrefs(23), gate.fetch, { sizer: fixedBatchSizer(5), depth: 2 }));
      expect(seen).toEqual(hrefs(23));
      expect(gate.state.asked).toEqual([5, 5, 5, 5, 3]);
      expect(gate.state.maxInFlight).toBe(2);
    } finally {
      clearInterval(timer);
    }
  });

  it('has the next batch on the wire while one is being written', async () => {
    const gate = gatedFetch();
    const timer = setInterval(gate.releaseOne, 1);
    const inFlightWhileWriting: number[] = [];
    try {
      await drain(fetchAhead(hrefs(20), gate.fetch, { sizer: fixedBatchSizer(5), depth: 2 }), () => inFlightWhileWriting.push(gate.state.inFlight));
    } finally {
      clearInterval(timer);
    }
    // Batches 1 and 2 are written while the following ones download; the last has none after it.
    expect(inFlightWhileWriting.slice(0, 2)).toEqual([2, 2]);
    expect(inFlightWhileWriting.at(-1)).toBe(0);
  });

  it('throws the failure of a batch where that batch comes, without an unhandled rejection from the one ahead', async () => {
    let call = 0;
    const fetch = async (batch: string[]): Promise<RemoteItem[]> => {
      await Promise.resolve();
      call++;
      if (call >= 2) throw new Error(`batch ${call} failed`);
      return batch.map((href) => ({ href, etag: '"e"', data: 'x' }));
    };
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const batch of fetchAhead(hrefs(10), fetch, { sizer: fixedBatchSizer(3), depth: 2 })) seen.push(...batch.requested);
      })(),
    ).rejects.toThrow('batch 2 failed');
    // The first batch was handed over (and would be stored) before the failure surfaced.
    expect(seen).toEqual(hrefs(3));
  });
});

describe('batchSizer', () => {
  const items = (n: number, bytes: number): RemoteItem[] => Array.from({ length: n }, (_, i) => ({ href: `/${i}`, etag: '"e"', data: 'x'.repeat(bytes) }));

  it('starts modest, then aims at the target bytes per answer within its bounds', () => {
    const sizer = batchSizer({ first: 50, targetBytes: 1_000_000, min: 10, max: 1000 });
    expect(sizer.next()).toBe(50);
    sizer.saw(items(50, 2_000));
    expect(sizer.next()).toBe(500);
    // Contacts carrying 50 KB photos: far fewer per answer.
    sizer.saw(items(500, 100_000));
    expect(sizer.next()).toBe(Math.floor(1_000_000 / ((50 * 2_000 + 500 * 100_000) / 550)));
    const tiny = batchSizer({ first: 50, targetBytes: 1_000_000, min: 10, max: 1000 });
    tiny.saw(items(10, 100));
    expect(tiny.next()).toBe(1000);
    const huge = batchSizer({ first: 50, targetBytes: 1_000_000, min: 10, max: 1000 });
    huge.saw(items(2, 5_000_000));
    expect(huge.next()).toBe(10);
  });

  it('sizes batches by bytes through the pipeline', async () => {
    const gate = gatedFetch(4_000);
    const timer = setInterval(gate.releaseAll, 1);
    try {
      await drain(fetchAhead(hrefs(1_000), gate.fetch, { sizer: batchSizer({ first: 20, targetBytes: 400_000, min: 10, max: 1000 }), depth: 2 }));
    } finally {
      clearInterval(timer);
    }
    // Two modest batches asked before any answer, then 400 KB / 4 KB = 100 items each.
    expect(gate.state.asked.slice(0, 4)).toEqual([20, 20, 100, 100]);
  });
});
