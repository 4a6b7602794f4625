// A browser-session account (iCloud) paused at "Sign in at icloud.com" needs nothing from the
// person inside Lifeboat: signing in at the site is enough. So, unlike an account waiting for
// a new password, the schedule keeps checking it, less and less often (at the next scheduled
// run, then after 30 minutes, 1, 2, 4 hours, then every 6), and its next good run resumes it. Each check is one validate request
// that fails with 421 while signed out; nothing in the mirror is touched.
import type { LifeboatDb } from '../db/schema';
import type { AccountRecord } from '../model/account';
import { updateAccount } from '../db/accounts';
import { ridesBrowserSession } from './account-secret';

const FIRST_WAIT_MS = 30 * 60_000;
const LONGEST_WAIT_MS = 6 * 60 * 60_000;

/** The wait after the `misses`-th check that still found the browser signed out (1-based). */
export const sessionCheckWait = (misses: number): number => (misses <= 1 ? 0 : Math.min(FIRST_WAIT_MS * 2 ** (misses - 2), LONGEST_WAIT_MS));

/** A paused browser-session account a scheduled run should check now. */
export const sessionCheckDue = (account: AccountRecord, now: number): boolean =>
  account.status === 'needs-sign-in' && (account.sessionCheck === undefined || account.sessionCheck.nextAt <= now);

/** After a run of a browser-session account: back off while it stays signed out, forget it once resumed. */
export async function noteSessionCheck(db: LifeboatDb, accountId: string, now: number): Promise<void> {
  const account = await db.accounts.get(accountId);
  if (!account || !ridesBrowserSession(account)) return;
  if (account.status !== 'needs-sign-in') {
    if (account.sessionCheck) await updateAccount(db, accountId, { sessionCheck: undefined });
    return;
  }
  const misses = (account.sessionCheck?.misses ?? 0) + 1;
  await updateAccount(db, accountId, { sessionCheck: { misses, nextAt: now + sessionCheckWait(misses) } });
}
