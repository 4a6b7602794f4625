// What the mirror stores. One record type per table; every table is declared in schema.ts.
import type { CollectionKind } from '../sources/source';

export type AccountKind = 'carddav';
export type AccountStatus = 'idle' | 'syncing' | 'error';

/** An account the user added. The password is NOT here: see shared/credentials.ts. */
export interface AccountRecord {
  id: string;
  kind: AccountKind;
  label: string;
  serverUrl: string;
  username: string;
  createdAt: number;
  status: AccountStatus;
  /** Person-readable reason of the last failed run, cleared by the next good one. */
  lastError: string | null;
  /** When the last run that finished without an account-level error ended. */
  lastSuccessAt: number | null;
  /** Progress of the running sync, for the popup's progress bar. */
  progress: { done: number; total: number } | null;
}

export interface CollectionRecord {
  /** `${accountId}|${href}` */
  id: string;
  accountId: string;
  kind: CollectionKind;
  href: string;
  displayName: string;
  syncToken: string | null;
  ctag: string | null;
  lastSyncedAt: number | null;
  /** Set when the collection vanished upstream; the mirrored items stay. */
  goneUpstreamAt: number | null;
}

export type ItemKind = 'contact';

/** One mirrored item, kept exactly as served, plus fields derived from it for display. */
export interface ItemRecord {
  /** `${collectionId}|${href}` */
  id: string;
  accountId: string;
  collectionId: string;
  kind: ItemKind;
  href: string;
  etag: string;
  /** The original text as the server served it: exports are built from this. */
  raw: string;
  uid: string | null;
  title: string;
  emails: string[];
  phones: string[];
  firstSeenAt: number;
  updatedAt: number;
  /** When the item disappeared upstream. It stays in the mirror, marked. */
  deletedUpstreamAt: number | null;
  /** 1 while live, 0 once deleted upstream: an indexable flag for counts. */
  live: 0 | 1;
}

/** An earlier text of an item, kept when the server changed or deleted it. */
export interface VersionRecord {
  id?: number;
  itemId: string;
  etag: string;
  raw: string;
  /** When this text stopped being the current one. */
  replacedAt: number;
  reason: 'changed' | 'deleted';
}

export interface RunError {
  href: string | null;
  message: string;
}

/** One sync run of one account, for the run log. */
export interface RunRecord {
  id?: number;
  accountId: string;
  startedAt: number;
  finishedAt: number | null;
  outcome: 'running' | 'ok' | 'partial' | 'failed';
  added: number;
  changed: number;
  deletedUpstream: number;
  unchanged: number;
  errors: RunError[];
}
