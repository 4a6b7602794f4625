// One run of an account, whichever engine drives it: begin → progress/checkpoint/alarm* →
// finish | fail, with every other step refused, and what each end leaves on the account and
// in the run log.
import { describe, expect, it } from 'vitest';
import { freshDb, addTestAccount } from '../support/test-db';
import { getAccount, updateAccount } from '../../src/db/accounts';
import { AuthError } from '../../src/http/http-errors';
import { beginRun } from '../../src/sync/run/account-run';
import { nextRunState, RUN_TRANSITIONS, RunStepError, type RunState, type RunStep } from '../../src/sync/run/run-states';
import english from '../../public/_locales/en/messages.json';

const STATES: RunState[] = ['new', 'running', 'finished', 'failed'];
const STEPS: RunStep[] = ['begin', 'progress', 'checkpoint', 'alarm', 'finish', 'fail'];

async function started(credentialsRejected?: 'needs-password' | 'needs-sign-in') {
  const db = freshDb();
  const account = await addTestAccount(db);
  let clock = 1000;
  const run = await beginRun({ db, account, now: () => ++clock, progressIntervalMs: 0, credentialsRejected });
  return { db, account, run };
}

describe('the run state table', () => {
  it('allows exactly begin, then progress, checkpoint and alarm while running, then one end', () => {
    const allowed = STATES.flatMap((state) => STEPS.filter((step) => RUN_TRANSITIONS[state][step] !== undefined).map((step) => `${state} ${step} → ${nextRunState(state, step)}`));
    expect(allowed).toEqual([
      'new begin → running',
      'running progress → running',
      'running checkpoint → running',
      'running alarm → running',
      'running finish → finished',
      'running fail → failed',
    ]);
    for (const state of STATES) {
      for (const step of STEPS) {
        if (RUN_TRANSITIONS[state][step] === undefined) expect(() => nextRunState(state, step)).toThrow(RunStepError);
      }
    }
  });
});

describe('an account run', () => {
  it('begins with a running record and the account syncing', async () => {
    const { db, account, run } = await started();
    expect(run.state).toBe('running');
    expect(await db.runs.get(run.id)).toMatchObject({ outcome: 'running', accountId: account.id });
    expect(await getAccount(db, account.id)).toMatchObject({ status: 'syncing', progress: { done: 0, total: 0 } });
  });

  it('finishes: counts in the run log, the account idle with its last success, the progress line cleared', async () => {
    const { db, account, run } = await started();
    run.counts.added = 3;
    run.counts.unchanged = 7;
    await run.progress.update({ done: 3, total: 3 });
    expect((await getAccount(db, account.id)).progress).toEqual({ done: 3, total: 3 });
    await run.checkpoint(() => updateAccount(db, account.id, { photoCursor: 'c1' }));
    run.alarm(null);
    const summary = await run.finish();
    expect(summary).toMatchObject({ outcome: 'ok', added: 3, unchanged: 7, errors: [], alarms: [] });
    expect(await db.runs.get(run.id)).toMatchObject({ outcome: 'ok', added: 3, unchanged: 7 });
    const after = await getAccount(db, account.id);
    expect(after).toMatchObject({ status: 'idle', lastError: null, progress: null, photoCursor: 'c1' });
    expect(after.lastSuccessAt).toBe(summary.finishedAt);
    expect(run.state).toBe('finished');
  });

  it('is partial when items failed alone', async () => {
    const { run } = await started();
    run.errors.push({ href: 'https://h/1.vcf', message: 'gone' });
    expect(await run.finish()).toMatchObject({ outcome: 'partial' });
  });

  it('fails on a refused password as the account needs: a new password, or a new sign-in', async () => {
    for (const status of ['needs-password', 'needs-sign-in'] as const) {
      const { db, account, run } = await started(status);
      const summary = await run.fail(new AuthError('https://dav.example.com/', 401));
      expect(summary.outcome).toBe('failed');
      expect(summary.errors.at(-1)).toEqual({ href: null, message: 'The server refused the username or password' });
      const after = await getAccount(db, account.id);
      expect(after).toMatchObject({ status, lastError: 'The server refused the username or password', progress: null });
      expect(after.lastSuccessAt).toBeFalsy();
    }
  });

  it('fails on anything else as an error, worded by the catalog when the failure says nothing', async () => {
    const { db, account, run } = await started();
    await run.fail(undefined);
    expect(await getAccount(db, account.id)).toMatchObject({ status: 'error', lastError: english.runFailedUnknown.message });
  });

  it('refuses every step after its end, and a second end', async () => {
    const { db, account, run } = await started();
    await run.finish();
    await expect(run.progress.update({ done: 1, total: 1 })).rejects.toThrow(RunStepError);
    await expect(run.checkpoint(() => Promise.resolve())).rejects.toThrow(RunStepError);
    expect(() => run.alarm(null)).toThrow(RunStepError);
    await expect(run.fail(new Error('late'))).rejects.toThrow(RunStepError);
    await expect(run.finish()).rejects.toThrow(RunStepError);
    // The refused steps wrote nothing: the finished account stays as the end left it.
    expect(await getAccount(db, account.id)).toMatchObject({ status: 'idle', progress: null });
  });

  it('lands the last progress write before the end clears the line', async () => {
    const { db, account, run } = await started();
    void run.progress.update({ done: 5, total: 9 });
    await run.finish();
    expect((await getAccount(db, account.id)).progress).toBeNull();
  });
});
