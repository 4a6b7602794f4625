// How every run of an account ends, whatever it mirrors: the run log gets its outcome and
// counts, the account its status (a refused password pauses it) and, after a good run, the
// time of its last success.
import type { LifeboatDb } from '../db/schema';
import type { RunError, RunRecord } from '../model/run';
import type { AccountRecord } from '../model/account';
import { updateAccount } from '../db/accounts';
import { finishRun } from '../db/runs';
import { describeError, isCredentialsRejected } from './describe-error';

export type RunCounts = Pick<RunRecord, 'added' | 'changed' | 'deletedUpstream' | 'unchanged' | 'unreadable' | 'limited'>;
export type FinishedRun = Omit<RunRecord, 'id' | 'accountId' | 'startedAt'>;

export async function finishAccountRun(
  db: LifeboatDb,
  account: AccountRecord,
  runId: number,
  counts: RunCounts,
  errors: RunError[],
  accountError: unknown,
  finishedAt: number,
  /** The status a refused credential leaves: a new password, or a new sign-in. */
  credentialsRejected: 'needs-password' | 'needs-sign-in' = 'needs-password',
): Promise<FinishedRun> {
  const summary: FinishedRun = {
    finishedAt,
    outcome: accountError ? 'failed' : errors.length > 0 ? 'partial' : 'ok',
    added: counts.added,
    changed: counts.changed,
    deletedUpstream: counts.deletedUpstream,
    unchanged: counts.unchanged,
    errors,
    // Named in the run log and counted by the popup: stored as served, but not readable.
    ...(counts.unreadable && counts.unreadable.length > 0 ? { unreadable: counts.unreadable } : {}),
    // Named in the run log: stored as served, read only in part (the listing may show it wrongly).
    ...(counts.limited && counts.limited.length > 0 ? { limited: counts.limited } : {}),
  };
  await finishRun(db, runId, summary);
  await updateAccount(db, account.id, {
    status: accountError ? (isCredentialsRejected(accountError) ? credentialsRejected : 'error') : 'idle',
    lastError: accountError ? describeError(accountError) : null,
    progress: null,
    ...(accountError ? {} : { lastSuccessAt: finishedAt }),
  });
  return summary;
}
