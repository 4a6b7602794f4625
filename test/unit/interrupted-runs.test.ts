import { describe, expect, it } from 'vitest';
import { closeInterruptedRuns, startRun } from '../../src/db/runs';
import { updateAccount, getAccount } from '../../src/db/accounts';
import { freshDb, addTestAccount } from '../support/test-db';

describe('closeInterruptedRuns', () => {
  it('marks runs left running by a stopped worker as interrupted and returns their accounts', async () => {
    const db = freshDb();
    const account = await addTestAccount(db);
    await addTestAccount(db, 'quiet');
    const runId = await startRun(db, account.id, 10);
    await updateAccount(db, account.id, { status: 'syncing', progress: { done: 3, total: 9 } });

    expect(await closeInterruptedRuns(db, 20)).toEqual([account.id]);
    expect(await db.runs.get(runId)).toMatchObject({ outcome: 'interrupted', finishedAt: 20 });
    expect(await getAccount(db, account.id)).toMatchObject({ status: 'idle', progress: null });
    expect(await closeInterruptedRuns(db, 30)).toEqual([]);
  });
});
