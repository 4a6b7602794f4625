// The wipe alarm's memory of one collection, a record of the `wipeMarks` table (db/schema.ts,
// kept by db/wipe-marks.ts): its daily highs and the counts of the run under way.
import type { WipeCounts } from './wipe-guard';
import type { LiveMark } from './wipe-window';

/** A run's counts so far, from the moment it started (an interrupted run's successor continues them). */
export interface RunUnderWay extends WipeCounts {
  startedAt: number;
}

export interface WipeMarkRecord {
  /** A collection's id, or an account's photo library (`photoCollectionId`). */
  collectionId: string;
  accountId: string;
  highs: LiveMark[];
  run: RunUnderWay | null;
}

/** A photo library is one collection for the alarm, named after its account. */
export const photoCollectionId = (accountId: string): string => `${accountId}|photos`;
