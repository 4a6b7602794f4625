// A wipe alarm: what a run found, and the moment before it (the `alarms` table).

/** `slow-decline`: many small runs took a collection far below its 30-day high (model/wipe-window.ts). */
export type WipeKind = 'mass-change' | 'emptied' | 'collection-gone' | 'slow-decline';

/** A run that would have removed or rewritten much of a collection: shown until acknowledged. */
export interface AlarmRecord {
  id?: number;
  accountId: string;
  collectionId: string;
  collectionName: string;
  kind: WipeKind;
  raisedAt: number;
  /** A moment before the run changed anything: export "as of" it for the state before. */
  before: number;
  /** Live items before the run, and how many the run marked deleted or changed. */
  liveBefore: number;
  deleted: number;
  changed: number;
  /** 1 until the person acknowledges it (an indexable flag: IndexedDB does not index null). */
  open: 0 | 1;
}
