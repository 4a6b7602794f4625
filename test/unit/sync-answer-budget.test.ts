// The run's one budget for the multiget answers held at once (answer-budget.ts), alone and
// shared by the fetch-ahead pipelines of collections mirrored side by side: never more than the
// budget granted, never stuck on an answer larger than the whole budget, every batch handed over
// in listing order, and every byte given back, failures included.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerBudget } from '../../src/sync/answer-budget';
import { fetchAhead } from '../../src/sync/fetch-ahead';
import type { BatchSizer } from '../../src/sync/batch-sizer';
import type { RemoteItem } from '../../src/model/source';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A collection of `items` items of `itemBytes` each, fetched `batch` at a time. */
interface Collection {
  items: number;
  itemBytes: number;
  batch: number;
  depth: number;
  /** The batch whose fetch fails, if any. */
  failsAt: number | null;
}

/** A sizer that knows its collection's items all weigh the same: its estimates are exact. */
const exactSizer = ({ batch, itemBytes }: Collection): BatchSizer => ({ next: () => batch, saw: () => undefined, expectedBytes: (count) => count * itemBytes });

const collectionArb = fc.record({
  items: fc.integer({ min: 0, max: 40 }),
  itemBytes: fc.integer({ min: 1, max: 60 }),
  batch: fc.integer({ min: 1, max: 8 }),
  depth: fc.integer({ min: 1, max: 4 }),
  failsAt: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }),
});

describe('answerBudget', () => {
  it('grants in order of asking, waits while the budget is spent, and grants a request larger than the budget once nothing is held', async () => {
    const budget = answerBudget(100);
    const granted: string[] = [];
    const a = await budget.take(60);
    const b = budget.take(60).then((grant) => (granted.push('b'), grant));
    const huge = budget.take(500).then((grant) => (granted.push('huge'), grant));
    await sleep(0);
    expect(granted).toEqual([]);
    a.release();
    const bGrant = await b;
    await sleep(0);
    // First come, first served: the huge request waits for b, and the budget to empty.
    expect(granted).toEqual(['b']);
    bGrant.release();
    (await huge).release();
    expect(granted).toEqual(['b', 'huge']);
    expect(budget.held()).toBe(0);
  });

  it('holds what an answer weighed once it arrived, and grants nothing more while that is over the budget', async () => {
    const budget = answerBudget(100);
    const a = await budget.take(10);
    a.resize(150);
    let granted = false;
    const next = budget.take(1).then((grant) => ((granted = true), grant));
    await sleep(0);
    expect(granted).toBe(false);
    a.release();
    a.release();
    (await next).release();
    expect(budget.held()).toBe(0);
  });

  it('shared by collections side by side: never over the budget, never stuck, batches in listing order, every byte given back', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(collectionArb, { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 200 }), fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 16 }), async (collections, limit, delays) => {
        const budget = answerBudget(limit);
        let tick = 0;
        const delay = (): Promise<void> => sleep(delays[tick++ % delays.length]!);
        // Bytes of the batches on the wire or fetched and not yet written, as the pipelines see them.
        let held = 0;
        let batchesHeld = 0;
        let overBudget = false;
        const mirror = async (collection: Collection, index: number): Promise<{ seen: string[]; error?: string }> => {
          const hrefs = Array.from({ length: collection.items }, (_, i) => `/c${index}/${i}`);
          let call = 0;
          // Fetched and not yet handed over; dropped (and given back) if the collection fails first.
          let waiting = 0;
          let waitingBatches = 0;
          let failed = false;
          const drop = (bytes: number, batches: number): void => {
            held -= bytes;
            batchesHeld -= batches;
          };
          const fetch = async (batch: string[]): Promise<RemoteItem[]> => {
            const bytes = batch.length * collection.itemBytes;
            held += bytes;
            batchesHeld++;
            // Over the budget is allowed only for a batch alone (an answer larger than the budget).
            if (held > limit && batchesHeld > 1) overBudget = true;
            const failing = call++ === collection.failsAt;
            await delay();
            if (failing || failed) drop(bytes, 1);
            if (failing) throw new Error(`collection ${index} failed`);
            if (!failed) {
              waiting += bytes;
              waitingBatches++;
            }
            return batch.map((href) => ({ href, etag: '"e"', data: 'x'.repeat(collection.itemBytes) }));
          };
          const seen: string[] = [];
          try {
            for await (const { requested } of fetchAhead(hrefs, fetch, { sizer: exactSizer(collection), depth: collection.depth, budget })) {
              seen.push(...requested);
              waiting -= requested.length * collection.itemBytes;
              waitingBatches--;
              await delay();
              // Written: the pipeline gives its bytes back when asked for the next batch.
              drop(requested.length * collection.itemBytes, 1);
            }
            return { seen };
          } catch (error) {
            failed = true;
            drop(waiting, waitingBatches);
            return { seen, error: (error as Error).message };
          }
        };
        const stuck = sleep(5_000).then(() => 'stuck' as const);
        const outcome = await Promise.race([Promise.all(collections.map(mirror)), stuck]);
        expect(outcome).not.toBe('stuck');
        if (outcome === 'stuck') return;
        expect(overBudget).toBe(false);
        outcome.forEach(({ seen, error }, index) => {
          const collection = collections[index]!;
          const batches = Math.ceil(collection.items / collection.batch);
          const fails = collection.failsAt !== null && collection.failsAt < batches;
          const all = Array.from({ length: collection.items }, (_, i) => `/c${index}/${i}`);
          // In listing order; a failed collection was handed exactly the batches before its failure.
          expect(seen).toEqual(fails ? all.slice(0, collection.failsAt! * collection.batch) : all);
          expect(error).toBe(fails ? `collection ${index} failed` : undefined);
        });
        // Batches still in flight when a collection failed finish on their own, then give back.
        await sleep(10);
        expect(budget.held()).toBe(0);
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
