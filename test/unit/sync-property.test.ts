// Property: for any sequence of upstream edits, interrupted runs, lost sync tokens and
// retention passes, one complete run leaves the mirror's live items equal to the server's,
// and no text the mirror ever held is gone (it is the current text, or a kept version)
// unless retention was allowed to drop it: older than the window, with 5 newer versions kept.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { syncAccount } from '../../src/sync/sync-account';
import { MemorySource, card } from '../support/memory-source';
import { freshDb, addTestAccount, envelopeReaders } from '../support/test-db';
import type { LifeboatDb } from '../../src/db/schema';
import { pruneVersions } from '../../src/db/retention';
import type { VersionRecord } from '../../src/model/item';

const DAY = 86_400_000;
const POLICY = { keepVersionsDays: 90, keepMinVersions: 5 };

/** Checks that retention removed only what it may, and returns the texts it removed. */
async function pruneChecked(db: LifeboatDb, now: number): Promise<string[]> {
  const before = await db.versions.toArray();
  await pruneVersions(db, now, POLICY);
  const after = new Set((await db.versions.toArray()).map((v) => v.id));
  const removed = before.filter((v) => !after.has(v.id));
  for (const version of removed) {
    expect(version.replacedAt).toBeLessThan(now - POLICY.keepVersionsDays * DAY);
    const newer = before.filter((v: VersionRecord) => v.itemId === version.itemId && v.replacedAt > version.replacedAt && after.has(v.id));
    expect(newer.length).toBeGreaterThanOrEqual(POLICY.keepMinVersions);
  }
  return removed.map((v) => v.raw);
}

const BOOK = 'https://dav.example.com/book/';

type Step =
  | { op: 'put'; n: number; name: string }
  | { op: 'remove'; n: number }
  | { op: 'sync' }
  | { op: 'interruptedSync'; afterBatches: number }
  | { op: 'loseTokens' }
  | { op: 'prune'; days: number };

// Few hrefs, so that edits collide with what earlier runs mirrored.
const n = fc.integer({ min: 1, max: 4 });
const step: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: fc.record({ op: fc.constant('put' as const), n, name: fc.string({ minLength: 1, maxLength: 6 }) }), weight: 4 },
  { arbitrary: fc.record({ op: fc.constant('remove' as const), n }), weight: 2 },
  { arbitrary: fc.constant({ op: 'sync' as const }), weight: 3 },
  { arbitrary: fc.record({ op: fc.constant('interruptedSync' as const), afterBatches: fc.integer({ min: 0, max: 3 }) }), weight: 1 },
  { arbitrary: fc.constant({ op: 'loseTokens' as const }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('prune' as const), days: fc.integer({ min: 0, max: 120 }) }), weight: 1 },
);

async function everyTextHeld(db: LifeboatDb): Promise<Set<string>> {
  const texts = new Set<string>();
  await db.items.each((item) => texts.add(item.raw));
  await db.versions.each((version) => texts.add(version.raw));
  return texts;
}

describe('sync engine properties', () => {
  it('converges to the server and never loses a text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 25 }), async (steps: Step[]) => {
        const db = freshDb();
        const account = await addTestAccount(db);
        const source = new MemorySource();
        source.addCollection(BOOK);
        let clock = 0;
        const seen = new Set<string>();
        const run = () => syncAccount({ db, source, readers: envelopeReaders, now: () => ++clock, batchSize: 2 }, account);
        const remember = async () => (await everyTextHeld(db)).forEach((text) => seen.add(text));

        for (const s of steps) {
          if (s.op === 'put') source.put(BOOK, `${BOOK}${s.n}.vcf`, card(`u${s.n}`, s.name.replace(/[\r\n]/g, ' ')));
          else if (s.op === 'remove') source.remove(BOOK, `${BOOK}${s.n}.vcf`);
          else if (s.op === 'loseTokens') source.tokensInvalid = !source.tokensInvalid;
          else if (s.op === 'sync') await run();
          else if (s.op === 'prune') {
            clock += s.days * DAY;
            const dropped = await pruneChecked(db, clock);
            const held = await everyTextHeld(db);
            for (const text of dropped) if (!held.has(text)) seen.delete(text);
          }
          else {
            const real = source.fetchItems.bind(source);
            let calls = 0;
            source.fetchItems = (c, hrefs) => (calls++ >= s.afterBatches ? Promise.reject(new Error('worker stopped')) : real(c, hrefs));
            await run();
            source.fetchItems = real;
          }
          await remember();
          const held = await everyTextHeld(db);
          for (const text of seen) expect(held.has(text)).toBe(true);
        }

        await run();
        const server = new Map([...source.collections.get(BOOK)!.items.values()].map((item) => [item.href, item.data]));
        const mirror = new Map(
          (await db.items.toArray()).filter((item) => item.live === 1).map((item) => [item.href, item.raw]),
        );
        expect(mirror).toEqual(server);
        db.close();
      }),
      {
        numRuns: 200,
        // The case that matters most: a change upstream after a good run must keep the old text.
        examples: [[[{ op: 'put', n: 1, name: 'a' }, { op: 'sync' }, { op: 'put', n: 1, name: 'b' }, { op: 'sync' }]]],
      },
    );
  }, 60_000); // CPU-bound: a hundred runs of up to 25 steps; the 5 s default is too short on a busy machine.
});
