// The database's name and the version of its layout, apart from schema.ts (and Dexie) so that the
// popup's first read (summary-records-direct.ts) can check which layout it is reading without
// loading Dexie.
export const DB_NAME = 'lifeboat';

/**
 * The last `version(n)` schema.ts declares. Dexie keeps version n as IndexedDB version n × 10.
 * test/unit/summary-records-direct.test.ts fails when a new version is declared without this.
 */
export const SCHEMA_VERSION = 13;
