// After a form added an account, its first mirror runs on in the worker, started without a
// command of its own. Firefox stops an event page idle for `extensions.background.idle.timeout`
// (30 s by default) even while it downloads; the page that added the account keeps it awake
// until that first run has ended (ui/call-through-db.ts), and a worker stopped anyway resumes
// the run when the next message wakes it (background/resume.ts). Pages only: it reads the mirror.
import { openDb } from '../db/schema';
import { recentRuns } from '../db/runs';
import { keepWorkerAwake } from './call-through-db';

/** A run starts at once after adding; none by then means none is coming (the passphrase lock closed, say). */
const FIRST_RUN_START_MS = 30_000;

/** The account's first run has ended (a run cut short by a stopped worker is resumed, not ended), or none is coming. */
async function firstRunEnded(accountId: string, added: number): Promise<boolean> {
  const db = openDb();
  if (!(await db.accounts.get(accountId))) return true;
  const runs = await recentRuns(db, accountId);
  if (runs.length === 0) return Date.now() - added > FIRST_RUN_START_MS;
  return runs.some((run) => run.outcome !== 'running' && run.outcome !== 'interrupted');
}

/** Keeps the worker awake through the first mirror of the account just added; returns at once. */
export function followFirstMirror(accountId: string): void {
  const addedAt = Date.now();
  void keepWorkerAwake(() => firstRunEnded(accountId, addedAt));
}
