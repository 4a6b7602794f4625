// A browser-session account (iCloud) paused at "Sign in at icloud.com" needs nothing from the
// person inside Lifeboat: signing in at the site is enough. So, unlike an account waiting for
// a new password, the schedule keeps checking it, less and less often (at each of the next two
// scheduled runs, as a person who just saw the popup signs in within minutes; then after 1, 2,
// 4 hours, then every 6), and its next good run resumes it. Each check is one validate request
// that fails with 421 while signed out; nothing in the mirror is touched.
import type { LifeboatDb } from '../db/schema';
import { updateAccount } from '../db/accounts';
import { ridesBrowserSession } from './account-secret';
import { sessionCheckWait } from './session-backoff';

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
