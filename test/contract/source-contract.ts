// The source contract: one set of behaviours every `Source` (src/model/source.ts) shows, run
// against the memory source and each real or test server, in the spirit of vdirsyncer's storage
// tests. A target (contract-target.ts) makes a fresh source on one empty collection and changes
// that collection behind the source's back; what a kind of server genuinely cannot do is a
// flag with its reason, listed among the skipped tests, never left out silently.
//
// The tests run in order on one collection: three items are written, listed and fetched; one is
// added, one changed and one deleted upstream; the listing since the saved cursor must show
// exactly that. The error tests each use a source of their own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isFailure, type ChangeListing, type RemoteItem, type RemoteItemRef, type SyncCursor } from '../../src/model/source';
import type { ContractTarget, SourceFixture } from './contract-target';
import { collectionOf } from './contract-helpers';
import { labelOf, unfolded } from './contract-items';
import { describeSourceErrors } from './source-error-contract';

const hrefsOf = (refs: RemoteItemRef[]): string[] => refs.map((r) => r.href).sort();

/** The label an item's text names (FN or SUMMARY), e.g. "Contract 2.1". */
const labelIn = (data: string): string | undefined => /(?:FN|SUMMARY):(Contract \d+\.\d+)/.exec(unfolded(data))?.[1];
const numberOf = (label: string): number => Number(/Contract (\d+)/.exec(label)?.[1]);

/** What a listing says changed since `before`: a delta as it is, a full listing compared with it. */
function differences(listing: ChangeListing, before: RemoteItemRef[]): { changed: RemoteItemRef[]; removed: string[]; cursor: SyncCursor } {
  if (listing.mode === 'delta') return listing;
  const now = fullItems(listing);
  const etags = new Map(before.map((i) => [i.href, i.etag]));
  const present = new Set(now.map((i) => i.href));
  const cursor = listing.mode === 'full' ? listing.cursor : {};
  return { changed: now.filter((i) => etags.get(i.href) !== i.etag), removed: before.map((i) => i.href).filter((href) => !present.has(href)), cursor };
}

function fullItems(listing: ChangeListing): RemoteItemRef[] {
  if (listing.mode !== 'full') throw new Error(`Expected a full listing, got ${listing.mode}`);
  return listing.items;
}

export function describeSourceContract(name: string, target: ContractTarget): void {
  const can = target.capabilities;

  describe(`the source contract: ${name}`, () => {
    let fixture: SourceFixture;
    let cursor: SyncCursor;
    let listed: RemoteItemRef[] = [];
    /** Item number → href, learnt from the labels in the fetched texts. */
    const hrefOf = new Map<number, string>();
    const collection = () => collectionOf(fixture.source, fixture);

    beforeAll(async () => {
      fixture = await target.start();
      for (const n of [1, 2, 3]) await fixture.add(n, labelOf(n));
    });
    afterAll(async () => {
      await fixture?.stop();
    });

    it('lists its collections, each with its kind', async () => {
      const all = await fixture.source.listCollections();
      for (const c of all) {
        expect(['addressbook', 'calendar']).toContain(c.kind);
        expect(() => new URL(c.href)).not.toThrow();
        expect(typeof c.displayName).toBe('string');
      }
      expect((await collection()).kind).toBe(fixture.kind);
    });

    it('names every item with an ETag in a full listing', async () => {
      const listing = await fixture.source.listChanges(await collection(), {});
      listed = fullItems(listing);
      cursor = listing.mode === 'full' ? listing.cursor : {};
      expect(listed).toHaveLength(3);
      expect(new Set(listed.map((i) => i.href)).size).toBe(3);
      for (const item of listed) {
        expect(item.etag).toMatch(/\S/);
        expect(() => new URL(item.href)).not.toThrow();
      }
    });

    it('fetches each item with the listing’s ETag and the text the server holds', async () => {
      const fetched = await fixture.source.fetchItems(await collection(), listed.map((i) => i.href));
      expect(fetched.filter(isFailure)).toEqual([]);
      for (const item of fetched as RemoteItem[]) {
        const label = labelIn(item.data);
        if (label) hrefOf.set(numberOf(label), item.href);
        expect(item.etag).toBe(listed.find((i) => i.href === item.href)?.etag);
        const served = await fixture.served(item.href);
        if (can.served === 'exact') expect(item.data).toBe(served);
        if (can.served === 'excerpt') {
          // The object's own component, byte for byte as the file holds it.
          const component = /BEGIN:VEVENT\r\n[\s\S]*?END:VEVENT\r\n/.exec(item.data)?.[0];
          expect(served).toContain(component);
        }
        expect(label).toBeDefined();
        // Converted from JSON: the server's record names the same item.
        expect(served).toContain(label);
      }
      expect([...hrefOf.keys()].sort()).toEqual([1, 2, 3]);
    });

    it('reports nothing new while nothing changed upstream', async () => {
      const again = await fixture.source.listChanges(await collection(), cursor);
      if (again.mode === 'delta') expect([again.changed, again.removed]).toEqual([[], []]);
      if (again.mode === 'full') expect(again.items.map((i) => `${i.href} ${i.etag}`).sort()).toEqual(listed.map((i) => `${i.href} ${i.etag}`).sort());
    });

    it('shows an upstream add, change and delete since the previous cursor, and nothing else', async () => {
      await fixture.add(4, labelOf(4));
      await fixture.change(2, labelOf(2, 2));
      await fixture.remove(3);
      const changes = await fixture.source.listChanges(await collection(), cursor);
      if (can.deltas === true) expect(changes.mode).toBe('delta');
      const [one, two, three] = [1, 2, 3].map((n) => hrefOf.get(n)!);
      const since = differences(changes, listed);
      cursor = since.cursor;
      expect(since.removed).toEqual([three]);
      // A full listing must keep the untouched item's ETag: it is not to be fetched again.
      if (changes.mode === 'full') expect(changes.items.find((i) => i.href === one)?.etag).toBe(listed.find((i) => i.href === one)?.etag);
      const touched = since.changed;
      expect(touched).toHaveLength(2);
      expect(touched.map((t) => t.href)).toContain(two);
      const added = touched.find((t) => t.href !== two)?.href ?? '';
      expect([one, two, three]).not.toContain(added);
      const fetched = await fixture.source.fetchItems(await collection(), hrefsOf(touched));
      const labels = fetched.map((f) => (isFailure(f) ? f.error : labelIn(f.data))).sort();
      expect(labels).toEqual([labelOf(2, 2), labelOf(4)]);
      hrefOf.set(4, added);
    });

    it('reports a deleted item as a failed fetch, never by throwing', async () => {
      const gone = hrefOf.get(3)!;
      const kept = hrefOf.get(1)!;
      const fetched = await fixture.source.fetchItems(await collection(), [gone, kept]);
      expect(fetched).toHaveLength(2);
      const failure = fetched.find((f) => f.href === gone);
      expect(failure && isFailure(failure) ? typeof failure.error : failure).toBe('string');
      expect(isFailure(fetched.find((f) => f.href === kept)!)).toBe(false);
    });

    it('falls back to a full listing of what exists for a cursor the server no longer accepts', async () => {
      const stale = await fixture.invalidate(cursor);
      const listing = await fixture.source.listChanges(await collection(), stale);
      // Never "everything was deleted": a full listing of the items that are there.
      const items = fullItems(listing);
      expect(hrefsOf(items)).toEqual([1, 2, 4].map((n) => hrefOf.get(n)!).sort());
      const [first] = await fixture.source.fetchItems(await collection(), [hrefOf.get(1)!]);
      expect(first && !isFailure(first) ? labelIn(first.data) : first).toBe(labelOf(1));
    });

    describeSourceErrors(() => fixture, can);
  });
}
