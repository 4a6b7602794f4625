// A scheduled snapshot archive written to Downloads (the `snapshots` table).

/** One snapshot archive written into the Downloads subfolder. */
export interface SnapshotRecord {
  id?: number;
  createdAt: number;
  fileName: string;
  /** The browser's download id: what lets Lifeboat remove the file when it is no longer kept. */
  downloadId: number | null;
  bytes: number;
  items: number;
  outcome: 'saved' | 'failed';
  error: string | null;
  /** When the file was removed from disk as one beyond the number kept. */
  removedAt: number | null;
}
