// The wipe alarm. A mirror that faithfully copies a wipe is no backup: when one run would
// mark much of a collection deleted or changed, or finds it suddenly empty, the person must
// hear about it. Nothing local is lost either way (deleted items are only marked, changed
// ones keep their versions), so the run proceeds and the alarm says what happened and how
// to get the earlier state back. Pure: it only looks at a run's counts (kept by db/wipe-marks.ts
// beside the writes they count; a change is a different text, never just a new ETag) and at
// the collection's recent high-water mark, which the caller passes in (model/wipe-window.ts).
import type { Settings } from './settings';
import type { WipeKind } from './alarm';
import type { LiveMark } from './wipe-window';

export interface WipeFinding {
  kind: Exclude<WipeKind, 'collection-gone'>;
  /** Live items before the run; for a slow decline, the high-water mark. */
  liveBefore: number;
  /** Items marked deleted; for a slow decline, how far below the mark the collection is now. */
  deleted: number;
  changed: number;
  /** For a slow decline: when the collection stood at its mark (the copy to export). */
  since?: number;
}

export type WipePolicy = Pick<Settings, 'wipeShare' | 'wipeMinItems'>;

/** What a run did to a collection, counted. */
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

/** A run's counts judged against the collection's recent history. */
export interface JudgedRun {
  counts: WipeCounts;
  /** Live items once the run's marks are written. */
  liveAfter: number;
  /** The highest live count of the last 30 days (wipe-window.ts), null for a new collection. */
  high: LiveMark | null;
  /** An alarm about this collection is still unacknowledged: a decline is not announced twice. */
  alarmOpen: boolean;
}

/**
 * The run's own alarm if it has one (emptied, or too much at once); otherwise a slow decline:
 * the collection now stands more than the policy's share (and at least its minimum count)
 * below its high-water mark, however small each run's step was.
 */
export function assessRun({ counts, liveAfter, high, alarmOpen }: JudgedRun, policy: WipePolicy): WipeFinding | null {
  const ofRun = assessWipeCounts(counts, policy);
  if (ofRun || !high || alarmOpen) return ofRun;
  const lost = high.live - liveAfter;
  if (lost >= policy.wipeMinItems && lost > policy.wipeShare * high.live) {
    return { kind: 'slow-decline', liveBefore: high.live, deleted: lost, changed: 0, since: high.at };
  }
  return null;
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
