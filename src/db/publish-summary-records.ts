// The worker keeps session-summary.ts's copy of the summary records current: it reads them at its
// start and again whenever a transaction changes one of the small rows they are made of, here or
// in a page (Dexie's change notices reach every context of the extension), at most once per
// interval and never two reads at once, so a mirror committing batch after batch costs one small
// read per interval. A written copy is never older than the one it replaces: one context writes,
// one read after the other.
import type { LifeboatDb } from './schema';
import { readSummaryRecords } from './summary-records';
import { writeSessionSummary } from './session-summary';
import { coalescedRead } from '../shared/coalesced-read';
import { onTablesChanged } from './table-changes';

/** The rows a summary is read from (summary-records.ts). */
const SUMMARY_TABLES = ['accounts', 'counters', 'collections', 'alarms', 'runs'] as const;

/**
 * How far the copy may lag a running mirror: as far as an open page's counts do
 * (ui/watch-account-summaries.ts), and the popup's own read of the database replaces it within
 * tens of milliseconds anyway. Each copy is a read of the small rows and a message to the
 * browser, a few milliseconds of the worker's time: once a second, not with every batch.
 */
export const PUBLISH_INTERVAL_MS = 1_000;

/** Starts keeping the copy current; returns the stop. `write`: where the records go (a test's stand-in). */
export function publishSummaryRecords(db: LifeboatDb, { intervalMs = PUBLISH_INTERVAL_MS, write = writeSessionSummary } = {}): () => void {
  const publisher = coalescedRead(() => readSummaryRecords(db).then(write), intervalMs);
  publisher.request();
  const stopWatching = onTablesChanged(db, SUMMARY_TABLES, () => publisher.request());
  return () => {
    stopWatching();
    publisher.stop();
  };
}
