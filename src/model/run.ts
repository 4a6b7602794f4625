// One run of an account, as the run log shows it (the `runs` table).

export interface RunError {
  href: string | null;
  message: string;
  /**
   * An answer the source was not written for (iCloud's IcloudUnexpectedAnswerError): the
   * request's path, the HTTP status and the answer's shape (field names and types, no values),
   * what a bug report needs; Options saves it as a diagnostic file.
   */
  diagnostic?: AnswerDiagnostic;
}

export interface AnswerDiagnostic {
  path: string;
  status: number;
  shape: string;
}

/** An item the mirror holds as served although its text could not be read, named in the run log. */
export interface UnreadableItemRef {
  collectionId: string;
  collectionName: string;
  href: string;
  title: string;
  reason: string;
}

/** How many live items one collection held when a run ended: a point of the mirror over time. */
export interface CollectionCount {
  /** A collection's id, or an account's photo library (model/wipe-mark.ts photoCollectionId). */
  collectionId: string;
  live: number;
}

/** One sync run of one account, for the run log. */
export interface RunRecord {
  id?: number;
  accountId: string;
  startedAt: number;
  finishedAt: number | null;
  /** `interrupted`: the worker stopped mid-run; the next run resumed it. */
  outcome: 'running' | 'ok' | 'partial' | 'failed' | 'interrupted';
  added: number;
  changed: number;
  deletedUpstream: number;
  unchanged: number;
  errors: RunError[];
  /** Items held as served but unreadable after this run, in the collections it synced. */
  unreadable?: UnreadableItemRef[];
  /**
   * Items this run stored as served whose fields were read only in part (ItemFields.degraded):
   * `reason` is the degraded kind (calendars/calendar-fields.ts CalendarDegraded).
   */
  limited?: UnreadableItemRef[];
  /**
   * The live items of each of the account's collections as the run left them (failed runs
   * too: the mirror keeps what it held). Absent from runs before these were recorded.
   */
  collectionCounts?: CollectionCount[];
}
