// What a photo library run is given: the database, the photo source, a clock, the retry policy
// and how many downloads at once. Its own file so that the run (sync-photo-folder.ts) and the
// two ways it mirrors (mirror-walk.ts, mirror-changes.ts, mirror-photos.ts) share it without a cycle.
import type { LifeboatDb } from '../../db/schema';
import type { Settings } from '../../model/settings';
import type { RetryPolicy } from '../../http/retry-policy';
import type { PhotoSource } from '../../model/photo-source';

export interface PhotoSyncDeps {
  db: LifeboatDb;
  source: PhotoSource;
  now: () => number;
  settings?: Settings;
  retry?: RetryPolicy;
  /** Downloads at once; the host limiter caps them too. */
  concurrency?: number;
  /** The status a refused credential leaves: a new password (WebDAV), or a new sign-in (OneDrive). */
  credentialsRejected?: 'needs-password' | 'needs-sign-in';
}
