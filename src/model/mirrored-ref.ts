// What the planner (sync/plan-collection.ts) is told of one item the mirror holds; the database
// reads it (db/mirror-writes.ts, db/photos/folder-photos.ts) without knowing the planner.

/** What the mirror knows of one item of the collection. */
export interface MirroredRef {
  etag: string;
  live: boolean;
}
