// Dexie's change notices for a few tables: every committed write of this context, and of the
// extension's other pages and worker (Dexie passes them on between contexts), names the tables it
// changed. The pages' account summaries and the worker's copy of them for the popup
// (ui/watch-account-summaries.ts, publish-summary-records.ts) read again on these.
import { Dexie, type ObservabilitySet } from 'dexie';
import type { LifeboatDb } from './schema';

/** Calls `changed` after each write that touched one of `tables`; returns the stop. */
export function onTablesChanged(db: LifeboatDb, tables: readonly string[], changed: () => void): () => void {
  const prefixes = tables.map((table) => `idb://${db.name}/${table}/`);
  const listener = (parts: ObservabilitySet): void => {
    if (Object.keys(parts).some((part) => prefixes.some((prefix) => part.startsWith(prefix)))) changed();
  };
  Dexie.on('storagemutated', listener);
  return () => Dexie.on.storagemutated.unsubscribe(listener);
}
