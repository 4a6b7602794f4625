// An iCloud answer Lifeboat was not written for ends the run with its path, status and shape in
// the run log (what "Save a diagnostic" writes), no value of the answer; other failures keep no
// diagnostic. The account's mirror is not touched by the failure itself.
import { describe, expect, it } from 'vitest';
import { freshDb, addTestAccount } from '../support/test-db';
import { getAccount } from '../../src/db/accounts';
import { beginRun } from '../../src/sync/run/account-run';
import { IcloudUnexpectedAnswerError, IcloudWebAccessOffError } from '../../src/providers/icloud-web/icloud-errors';
import { answerShape } from '../../src/providers/icloud-web/answer-shape';

async function failedWith(error: unknown) {
  const db = freshDb();
  const account = await addTestAccount(db);
  const run = await beginRun({ db, account, now: () => 1000, credentialsRejected: 'needs-sign-in' });
  await run.fail(error);
  return { run: (await db.runs.get(run.id))!, account: await getAccount(db, account.id) };
}

describe('the run log of an unexpected iCloud answer', () => {
  it('keeps the path, the status and the shape, and none of the answer’s values', async () => {
    const answer = { dsInfo: { fullName: 'Robin Sample', appleId: 'robin@example.org' }, webservices: 'gone' };
    const shape = answerShape(answer);
    const error = new IcloudUnexpectedAnswerError({ url: 'https://setup.icloud.com/setup/ws/1/validate?clientId=x&dsid=8123', status: 200, shape });
    const { run, account } = await failedWith(error);
    expect(run.errors).toEqual([{ href: null, message: error.message, diagnostic: { path: '/setup/ws/1/validate', status: 200, shape } }]);
    expect(JSON.stringify(run.errors)).not.toMatch(/Robin|robin@|8123/);
    expect(account.status).toBe('error');
  });

  it('keeps no diagnostic for a failure that is not an unexpected answer', async () => {
    const { run, account } = await failedWith(new IcloudWebAccessOffError());
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toStrictEqual({ href: null, message: run.errors[0]!.message });
    expect(run.errors[0]!.message).toMatch(/^iCloud web access is off .*app password/);
    expect(account.lastError).toMatch(/Access iCloud Data on the Web/);
  });
});
