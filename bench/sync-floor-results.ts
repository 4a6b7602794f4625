// The sync floors that browser-sync-floor.ts measured, kept in bench/sync-floor-results.json (one
// entry per server and size) for the bench's verdicts (floor-evidence.ts) to show beside the
// targets they bound.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { ServerName } from './bench-server';

export type SyncFloorClient = 'floor from Node' | 'floor in Chromium' | 'storing floor' | 'Lifeboat';

export interface SyncFloorEntry {
  server: ServerName;
  contacts: number;
  items: number;
  measuredAt: string;
  /** The load average after each round. */
  load: number[];
  /** Per figure ("no-change sync", "100 upstream changes"), each client's times in ms. */
  rounds: Record<string, Record<SyncFloorClient, number[]>>;
}

const RESULTS = new URL('./sync-floor-results.json', import.meta.url);

export function readSyncFloors(): SyncFloorEntry[] {
  return existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, 'utf8')) as SyncFloorEntry[]) : [];
}

/** Keeps `entry`, replacing an earlier one for the same server and size. */
export function saveSyncFloors(entry: SyncFloorEntry): void {
  const others = readSyncFloors().filter((e) => e.server !== entry.server || e.contacts !== entry.contacts);
  writeFileSync(RESULTS, `${JSON.stringify([...others, entry], null, 2)}\n`);
}
