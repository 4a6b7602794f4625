// One run of one account, whatever the engine (contacts and calendars, or photos): the run
// record and the account's status at its start, its progress (throttled: every write is an
// IndexedDB transaction and a live query in each open page), its checkpoints, its alarms, and
// its end, finished or failed, in one place. Its steps follow the table of run-states.ts.
import type { LifeboatDb } from '../../db/schema';
import type { AccountRecord } from '../../model/account';
import type { AlarmRecord } from '../../model/alarm';
import type { RunError, UnreadableItemRef } from '../../model/run';
import type { RunSummary } from '../../model/run-summary';
import { updateAccount } from '../../db/accounts';
import { finishRun, startRun } from '../../db/runs';
import { progressReporter, type ProgressReporter } from '../progress-reporter';
import { nextRunState, type RunState, type RunStep } from './run-states';
import { noCounts, type RunCounts } from './run-counts';
import { failureDiagnostic, failureMessage, failureStatus, type CredentialsRejectedStatus } from './run-failure';

export interface BeginRunParams {
  db: LifeboatDb;
  account: AccountRecord;
  now: () => number;
  /** Least time between two progress writes (tests set 0 to see every one). */
  progressIntervalMs?: number | undefined;
  /** What refused credentials make of the account: a new password, or signing in again. */
  credentialsRejected?: CredentialsRejectedStatus | undefined;
}

export interface AccountRun {
  readonly id: number;
  readonly account: AccountRecord;
  readonly startedAt: number;
  readonly state: RunState;
  /** What the engine counted so far; the run log's numbers. */
  readonly counts: RunCounts;
  /** The run log's lines: items or files that failed alone, and the run's own failure. */
  readonly errors: RunError[];
  readonly unreadable: UnreadableItemRef[];
  readonly limited: UnreadableItemRef[];
  readonly alarms: AlarmRecord[];
  /** The pages' progress line: only grows, written at most every PROGRESS_INTERVAL_MS. */
  readonly progress: ProgressReporter;
  /** Saves what lets a stopped run resume (a cursor): only while the run is running. */
  checkpoint(save: () => Promise<void>): Promise<void>;
  /**
   * A write for the run's end transaction (finished or failed), beside the run record: one
   * round trip to IndexedDB instead of one each. It may write the collections only; it is given
   * the run's `finishedAt`.
   */
  atEnd(write: (finishedAt: number) => Promise<void>): void;
  /** Keeps an alarm the run raised, for the badge and the notification. */
  alarm(alarm: AlarmRecord | null): void;
  /** Ends the run: `partial` when some items or files failed alone, `ok` otherwise. */
  finish(): Promise<RunSummary>;
  /** Ends the run on a failure that stopped it: its status and message go to the account. */
  fail(error: unknown): Promise<RunSummary>;
}

export async function beginRun(params: BeginRunParams): Promise<AccountRun> {
  const { db, account, now, credentialsRejected = 'needs-password' } = params;
  let state = nextRunState('new', 'begin');
  const step = (to: RunStep): void => {
    state = nextRunState(state, to);
  };
  const startedAt = now();
  // The run record and the account's status in one transaction: one round trip to IndexedDB at
  // the start of every run rather than two, and never a run without its status or the reverse.
  const id = await db.transaction('rw', db.runs, db.accounts, async () => {
    const started = await startRun(db, account.id, startedAt);
    await updateAccount(db, account.id, { status: 'syncing', progress: { done: 0, total: 0 } });
    return started;
  });

  // Progress writes are chained, so the last one lands before the end clears the line.
  let writes: Promise<void> = Promise.resolve();
  const reporter = progressReporter({
    write: (progress) => updateAccount(db, account.id, { progress }),
    ...(params.progressIntervalMs !== undefined ? { minIntervalMs: params.progressIntervalMs } : {}),
  });
  const progress: ProgressReporter = {
    get shown() {
      return reporter.shown;
    },
    async update(next) {
      step('progress');
      const written = writes.then(() => reporter.update(next));
      writes = written.catch(() => undefined);
      return written;
    },
  };

  const endWrites: Array<(finishedAt: number) => Promise<void>> = [];
  const run = {
    id,
    account,
    startedAt,
    get state() {
      return state;
    },
    counts: noCounts(),
    errors: [] as RunError[],
    unreadable: [] as UnreadableItemRef[],
    limited: [] as UnreadableItemRef[],
    alarms: [] as AlarmRecord[],
    progress,
    async checkpoint(save: () => Promise<void>) {
      step('checkpoint');
      await save();
    },
    atEnd(write: (finishedAt: number) => Promise<void>) {
      endWrites.push(write);
    },
    alarm(alarm: AlarmRecord | null) {
      step('alarm');
      if (alarm) run.alarms.push(alarm);
    },
    finish: () => end(null),
    fail: (error: unknown) => end(error ?? new Error()),
  };

  async function end(failure: unknown): Promise<RunSummary> {
    step(failure === null ? 'finish' : 'fail');
    await writes;
    if (failure !== null) run.errors.push({ href: null, message: failureMessage(failure), ...failureDiagnostic(failure) });
    const finishedAt = now();
    const { counts, errors, unreadable, limited } = run;
    const summary = {
      finishedAt,
      outcome: failure !== null ? 'failed' : errors.length > 0 ? 'partial' : 'ok',
      added: counts.added,
      changed: counts.changed,
      deletedUpstream: counts.deletedUpstream,
      unchanged: counts.unchanged,
      errors,
      // Named in the run log and counted by the popup: stored as served, but not readable.
      ...(unreadable.length > 0 ? { unreadable } : {}),
      // Named in the run log: stored as served, read only in part (the listing may show it wrongly).
      ...(limited.length > 0 ? { limited } : {}),
    } as const;
    // With each collection's live items: a point of the options page's mirror over time. The
    // run record and the account's status change together, in one transaction.
    await db.transaction('rw', [db.runs, db.accounts, db.collections, db.collectionCounts, db.counters], async () => {
      await finishRun(db, id, account.id, summary);
      await updateAccount(db, account.id, {
        status: failure !== null ? failureStatus(failure, credentialsRejected) : 'idle',
        lastError: failure !== null ? failureMessage(failure) : null,
        progress: null,
        ...(failure !== null ? {} : { lastSuccessAt: finishedAt }),
      });
      for (const write of endWrites) await write(finishedAt);
    });
    return { ...summary, alarms: run.alarms };
  }

  return run;
}
