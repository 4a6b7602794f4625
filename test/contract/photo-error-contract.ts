// The photo source contract's failures: refused credentials, a server down, a busy one, and a
// listing cut short, each with the code the engine acts on (model/source.ts SourceErrorShape).
// Busy and hostile servers are played by the fault proxy in front of the real one.
import { afterEach, describe, expect, it } from 'vitest';
import { startFaultProxy, type FaultProxy } from '../harness/fault-proxy';
import type { Fault } from '../harness/fault-rules';
import { freePort, LOOPBACK } from '../harness/free-port';
import { QUICK } from './contract-helpers';
import type { PhotoFixture } from './photo-contract-target';
import { listEverything, names } from './photo-listing';


export function describePhotoSourceErrors(getFixture: () => PhotoFixture): void {
  describe('errors', () => {
    let proxy: FaultProxy | undefined;
    afterEach(async () => {
      await proxy?.stop();
      proxy = undefined;
    });
    /** A source behind a fault proxy that answers every request with `fault`. */
    const behindProxy = async (fault: Fault) => {
      proxy = await startFaultProxy(getFixture().origin);
      proxy.add({ fault });
      return getFixture().sourceAt(`http://${LOOPBACK}:${proxy.port}`, QUICK);
    };

    // A listing that stops part way must never read as "these are all the files": the
    // others would be marked deleted upstream.
    for (const framing of ['cut', 'short'] as const) {
      it(`a listing ${framing === 'cut' ? 'cut off mid-body' : 'served short'} fails with a code, never lists fewer files`, async () => {
        const source = await behindProxy({ kind: 'truncate', framing, keep: 0.5 });
        const failure = await listEverything(source).then(
          (listing) => ({ listed: names(listing.photos) }),
          (error: unknown) => error as { code?: unknown },
        );
        expect(typeof (failure as { code?: unknown }).code).toBe('string');
      });
    }

    it('refused credentials are an error with code "auth"', async () => {
      await expect(listEverything(getFixture().refusedSource())).rejects.toMatchObject({ code: 'auth' });
    });

    it('a server that is down is an error with code "network"', async () => {
      const source = getFixture().sourceAt(`http://${LOOPBACK}:${await freePort()}`, QUICK);
      await expect(listEverything(source)).rejects.toMatchObject({ code: 'network' });
    });

    it('503 with a long Retry-After, or 429 that outlasts every retry, is an error with code "rate-limited"', async () => {
      await expect(listEverything(await behindProxy({ kind: 'status', status: 503, retryAfter: '3600' }))).rejects.toMatchObject({ code: 'rate-limited' });
      await proxy?.stop();
      await expect(listEverything(await behindProxy({ kind: 'status', status: 429, retryAfter: '1' }))).rejects.toMatchObject({ code: 'rate-limited' });
    });
  });
}
