// What a photo library run is given (PhotoSyncParams: the database, the photo source, a clock,
// the retry policy and how many downloads at once), and what its parts share once it has begun
// (PhotoRunContext: the same, with the run). Its own file so that the run (sync-photo-folder.ts)
// and the two ways it mirrors (mirror-walk.ts, mirror-changes.ts, mirror-photos.ts) share it
// without a cycle.
import type { LifeboatDb } from '../../db/schema';
import type { Settings } from '../../model/settings';
import type { AccountRecord } from '../../model/account';
import type { RetryPolicy } from '../../http/retry-policy';
import type { PhotoSource } from '../../model/photo-source';
import type { AccountRun } from '../run/account-run';
import type { CredentialsRejectedStatus } from '../run/run-failure';

export interface PhotoSyncParams {
  db: LifeboatDb;
  account: AccountRecord;
  source: PhotoSource;
  now: () => number;
  settings?: Settings;
  retry?: RetryPolicy;
  /** Download workers; the host limiter caps the requests they send at once. */
  concurrency?: number;
  /** Least time between two progress writes (tests set 0 to see every one). */
  progressIntervalMs?: number;
  /** The status a refused credential leaves: a new password (WebDAV), or a new sign-in (OneDrive). */
  credentialsRejected?: CredentialsRejectedStatus;
}

export interface PhotoRunContext<S extends PhotoSource = PhotoSource> {
  db: LifeboatDb;
  source: S;
  now: () => number;
  retry: RetryPolicy;
  concurrency: number;
  run: AccountRun;
}
