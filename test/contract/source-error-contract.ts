// The source contract's failures (model/source.ts SourceErrorShape): every target says them
// with the same `code`, so the engine can pause an account, end a run or try again later the
// same way whatever the server. Busy and hostile servers are played by the fault proxy in front
// of the real one; each test makes a source of its own.
import { afterEach, describe, expect } from 'vitest';
import type { Source } from '../../src/model/source';
import { startFaultProxy, type FaultProxy } from '../harness/fault-proxy';
import type { Fault } from '../harness/fault-rules';
import { freePort, LOOPBACK } from '../harness/free-port';
import type { Capabilities, SourceFixture } from './contract-target';
import { collectionOf, itWhen, QUICK } from './contract-helpers';


/** What a run does: the collection, its full listing, every item fetched. */
async function readEverything(source: Source, fixture: SourceFixture): Promise<void> {
  const collection = await collectionOf(source, fixture);
  const listing = await source.listChanges(collection, {});
  if (listing.mode === 'full') await source.fetchItems(collection, listing.items.map((i) => i.href));
}

export function describeSourceErrors(getFixture: () => SourceFixture, can: Capabilities): void {
  describe('errors', () => {
    let proxy: FaultProxy | undefined;
    afterEach(async () => {
      await proxy?.stop();
      proxy = undefined;
    });

    /** A source behind a fault proxy that answers every request with `fault`, if given. */
    async function behindProxy(fault?: Fault): Promise<Source> {
      const fixture = getFixture();
      proxy = await startFaultProxy(fixture.origin!);
      if (fault) proxy.add({ fault });
      return fixture.sourceAt!(`http://${LOOPBACK}:${proxy.port}`, QUICK);
    }

    /** A target without credentials has no refused source; one whose server checks none reads with wrong ones. */
    async function authIsAbsent(): Promise<void> {
      const fixture = getFixture();
      if (fixture.refusedSource) await readEverything(fixture.refusedSource(), fixture);
      else expect(typeof fixture.refusedSource).toBe('undefined');
    }

    /** A target that makes no request has no origin to reach, so nothing to put a proxy before. */
    function networkIsAbsent(): void {
      const fixture = getFixture();
      expect({ sourceAt: typeof fixture.sourceAt, origin: fixture.origin }).toEqual({ sourceAt: 'undefined', origin: undefined });
    }

    itWhen(can.auth, 'refused credentials are an error with code "auth"', async () => {
      const fixture = getFixture();
      await expect(readEverything(fixture.refusedSource!(), fixture)).rejects.toMatchObject({ code: 'auth' });
    }, authIsAbsent);

    itWhen(can.network, 'a server that is down is an error with code "network"', async () => {
      const fixture = getFixture();
      const source = fixture.sourceAt!(`http://${LOOPBACK}:${await freePort()}`, QUICK);
      await expect(readEverything(source, fixture)).rejects.toMatchObject({ code: 'network' });
    }, networkIsAbsent);

    itWhen(can.network, '503 with a long Retry-After is an error with code "rate-limited"', async () => {
      const source = await behindProxy({ kind: 'status', status: 503, retryAfter: '3600' });
      await expect(readEverything(source, getFixture())).rejects.toMatchObject({ code: 'rate-limited' });
    }, networkIsAbsent);

    itWhen(can.network, '429 that outlasts every retry is an error with code "rate-limited"', async () => {
      const source = await behindProxy({ kind: 'status', status: 429, retryAfter: '1' });
      await expect(readEverything(source, getFixture())).rejects.toMatchObject({ code: 'rate-limited' });
      expect(proxy!.log.filter((entry) => entry.status === 429).length).toBeGreaterThan(1);
    }, networkIsAbsent);

    itWhen(can.network, 'an answer beyond the size cap fails with code "too-large"', async () => {
      const fixture = getFixture();
      const tiny = { multistatus: 64, item: 64, feed: 64, json: 64, token: 64 };
      const source = fixture.sourceAt!(fixture.origin!, { ...QUICK, bodyCaps: tiny });
      await expect(readEverything(source, fixture)).rejects.toMatchObject({ code: 'too-large' });
    }, networkIsAbsent);

    // A listing that stops part way must never read as "these are all the items": the others
    // would be marked deleted upstream. Cut mid-body (the connection drops) or served short
    // (well framed, HTTP cannot tell): both must fail, with a code the engine knows.
    for (const framing of ['cut', 'short'] as const) {
      itWhen(can.network, `a listing ${framing === 'cut' ? 'cut off mid-body' : 'served short'} fails with a code, never lists fewer items`, async () => {
        const fixture = getFixture();
        const probe = await behindProxy();
        const collection = await collectionOf(probe, fixture);
        proxy!.add({ fault: { kind: 'truncate', framing, keep: 0.5 } });
        const failure = await probe.listChanges(collection, {}).then(
          (listing) => ({ listed: listing }),
          (error: unknown) => error as { code?: unknown },
        );
        expect(typeof (failure as { code?: unknown }).code).toBe('string');
      }, networkIsAbsent);
    }
  });
}
