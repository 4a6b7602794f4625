// What both halves of the source contract use: finding the collection under test, and tests a
// target may be unable to run, skipped with the reason in their title.
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

/** `it`, or a skipped test that says why the target cannot do it. */
export function itWhen(ability: Ability, title: string, test: () => Promise<void>): void {
  if (ability === true) it(title, test);
  else it.skip(`${title} (not for this target: ${ability.lacks})`, test);
}


/** No real waiting between attempts: the error tests look at the outcome, not at the clock. */
export const QUICK: HttpContextOptions = { retry: { sleep: () => Promise.resolve(), maxAttempts: 3 }, timeoutMs: 20_000 };
