// What both halves of the source contract use: finding the collection under test, and tests a
// target cannot run, replaced by a test that the target really lacks what they need.
import { it } from 'vitest';
import type { HttpContextOptions } from '../../src/http/http-context';
import type { RemoteCollection, Source } from '../../src/model/source';
import type { Ability, SourceFixture } from './contract-target';

/** The collection under test, as a fresh `listCollections()` describes it now. */
export async function collectionOf(source: Source, fixture: Pick<SourceFixture, 'collectionPath' | 'kind'>): Promise<RemoteCollection> {
  const found = (await source.listCollections()).find((c) => new URL(c.href).pathname === fixture.collectionPath && c.kind === fixture.kind);
  if (!found) throw new Error(`No ${fixture.kind} at ${fixture.collectionPath}`);
  return found;
}

/**
 * `it` where the target can; where it cannot, a test that it really lacks the ability, named
 * with the reason, so a target that gains it fails here until its declaration is corrected.
 * Nothing is skipped.
 */
export function itWhen(ability: Ability, title: string, test: () => Promise<void>, lackIsReal: () => Promise<void> | void): void {
  if (ability === true) it(title, test);
  else it(`cannot: ${title}, because ${ability.lacks}`, async () => lackIsReal());
}


/** No real waiting between attempts: the error tests look at the outcome, not at the clock. */
export const QUICK: HttpContextOptions = { retry: { sleep: () => Promise.resolve(), maxAttempts: 3 }, timeoutMs: 20_000 };
