// The wipe alarm. A mirror that faithfully copies a wipe is no backup: when one run would
// mark much of a collection deleted or changed, or finds it suddenly empty, the person must
// hear about it. Nothing local is lost either way (deleted items are only marked, changed
// ones keep their versions), so the run proceeds and the alarm says what happened and how
// to get the earlier state back. Pure: it only looks at the plan and the mirror.
import type { ChangeListing } from '../sources/source';
import type { Settings, WipeKind } from '../db/records';
import type { CollectionPlan, MirroredRef } from './plan-collection';

export interface WipeFinding {
  kind: Exclude<WipeKind, 'collection-gone'>;
  liveBefore: number;
  deleted: number;
  changed: number;
}

export type WipePolicy = Pick<Settings, 'wipeShare' | 'wipeMinItems'>;

export function assessWipe(
  listing: ChangeListing,
  plan: CollectionPlan,
  mirror: ReadonlyMap<string, MirroredRef>,
  policy: WipePolicy,
): WipeFinding | null {
  let liveBefore = 0;
  for (const ref of mirror.values()) if (ref.live) liveBefore++;
  const changed = plan.fetch.filter((href) => mirror.get(href)?.live === true).length;
  const emptied = listing.mode === 'full' && listing.items.length === 0;
  return assessWipeCounts({ liveBefore, deleted: plan.markDeleted.length, changed, emptied }, policy);
}

/** What a run did to a collection, counted: for runs that never hold a whole plan at once. */
export interface WipeCounts {
  /** Live items before the run. */
  liveBefore: number;
  /** Live items the run marked deleted. */
  deleted: number;
  /** Live items the run replaced with a changed version. */
  changed: number;
  /** A full listing that named nothing. */
  emptied: boolean;
}

export function assessWipeCounts({ liveBefore, deleted, changed, emptied }: WipeCounts, policy: WipePolicy): WipeFinding | null {
  if (liveBefore === 0) return null;
  if (emptied) return { kind: 'emptied', liveBefore, deleted, changed };
  const affected = deleted + changed;
  if (affected >= policy.wipeMinItems && affected > policy.wipeShare * liveBefore) {
    return { kind: 'mass-change', liveBefore, deleted, changed };
  }
  return null;
}
