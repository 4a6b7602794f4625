// A command's outcome, written by the worker and read by the page that sent it
// (shared/command-message.ts). Kept as rows of the settings table under `command:<id>`: a
// key-value table already, so no schema version is needed. Parameters (a password) are never
// written here; only the state and the result, which holds no secret.
import type { LifeboatDb } from './schema';
import type { Table } from 'dexie';

export interface CommandRecord {
  key: string;
  state: 'running' | 'done' | 'failed';
  startedAt: number;
  finishedAt?: number;
  result?: unknown;
  error?: string;
}

const PREFIX = 'command:';
/** Outcomes nobody came to read (the page was closed) are dropped after a day. */
const KEPT_MS = 24 * 60 * 60 * 1000;

const table = (db: LifeboatDb): Table<CommandRecord, string> => db.table('settings');
const keyOf = (id: string): string => PREFIX + id;

export async function commandStarted(db: LifeboatDb, id: string, now: number): Promise<void> {
  await table(db).put({ key: keyOf(id), state: 'running', startedAt: now });
}

export async function commandFinished(db: LifeboatDb, id: string, outcome: { result: unknown } | { error: string }, now: number): Promise<void> {
  const state = 'error' in outcome ? 'failed' : 'done';
  await table(db).update(keyOf(id), { state, finishedAt: now, ...outcome });
}

export function readCommand(db: LifeboatDb, id: string): Promise<CommandRecord | undefined> {
  return table(db).get(keyOf(id));
}

/** The page has read the outcome. */
export async function forgetCommand(db: LifeboatDb, id: string): Promise<void> {
  await table(db).delete(keyOf(id));
}

export async function dropStaleCommands(db: LifeboatDb, now: number): Promise<void> {
  await table(db)
    .where('key')
    .startsWith(PREFIX)
    .filter((row) => row.startedAt < now - KEPT_MS)
    .delete();
}
