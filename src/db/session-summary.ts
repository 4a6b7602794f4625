// The summary records (summary-records.ts) as the worker last read them, kept in storage.session
// so that the popup can show the counts before IndexedDB has even opened in its new page: in
// Chromium a storage.session read answers in about 12 ms, opening the database and reading the
// records about 40 ms. The worker writes them after the small rows change
// (publish-summary-records.ts); the popup shows them, then the direct read of the database
// replaces them (popup/main.tsx), so a copy that missed a change is on screen for tens of
// milliseconds, never longer. storage.session is held in memory, emptied when the browser or the
// extension restarts, and open to the extension's own pages and worker only (not to content
// scripts, which Lifeboat has none of); the records hold no secret (model/account.ts keeps no
// password). Without Dexie, so the popup's first script can read it.
import { browser } from '../shared/browser';
import type { SummaryRecords } from './summary-records';
import { SCHEMA_VERSION } from './layout-version';

const KEY = 'summaryRecords';

interface SessionSummary {
  /** The layout the records were read at: a popup of another version does not read them. */
  layout: number;
  records: SummaryRecords;
}

/**
 * Replaces the copy. A copy that cannot be written (storage.session's quota, say) is removed
 * rather than left behind: an old copy would greet every popup with counts it has to replace.
 */
export async function writeSessionSummary(records: SummaryRecords): Promise<void> {
  try {
    await browser.storage.session.set({ [KEY]: { layout: SCHEMA_VERSION, records } satisfies SessionSummary });
  } catch (error) {
    await browser.storage.session.remove(KEY);
    throw error;
  }
}

/** The records the worker last wrote, or null: none yet (the browser just started), another layout, no storage.session, any failure. */
export async function readSessionSummary(): Promise<SummaryRecords | null> {
  try {
    const kept = (await browser.storage.session.get(KEY))[KEY] as SessionSummary | undefined;
    return kept?.layout === SCHEMA_VERSION ? kept.records : null;
  } catch {
    return null;
  }
}
