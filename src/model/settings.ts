// What a person can set (the `settings` table, one record).

export interface Settings {
  syncIntervalMinutes: number;
  /** Versions are kept this many days, and at least the last `keepMinVersions` of every item. */
  keepVersionsDays: number;
  keepMinVersions: number;
  /** A run that marks more than this share (and at least `wipeMinItems`) deleted or changed raises an alarm. */
  wipeShare: number;
  wipeMinItems: number;
  /** A backup archive is written into Downloads this often; 0 turns snapshots off. */
  snapshotEveryDays: number;
  /** Snapshots kept on disk; older ones are removed. */
  snapshotsKept: number;
}
