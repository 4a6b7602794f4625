// How often the schedule checks a browser-session account (iCloud) paused at "Sign in at
// icloud.com" (background/session-recheck.ts): pure, so that a test can read the waits.
import type { AccountRecord } from '../model/account';

const FIRST_WAIT_MS = 60 * 60_000;
/** Checks at the next scheduled runs before the waits grow. */
const CHECKS_AT_ONCE = 2;
const LONGEST_WAIT_MS = 6 * 60 * 60_000;

/** The wait after the `misses`-th check that still found the browser signed out (1-based; the failed run counts). */
export const sessionCheckWait = (misses: number): number =>
  misses <= CHECKS_AT_ONCE ? 0 : Math.min(FIRST_WAIT_MS * 2 ** (misses - CHECKS_AT_ONCE - 1), LONGEST_WAIT_MS);

/** A paused browser-session account a scheduled run should check now. */
export const sessionCheckDue = (account: AccountRecord, now: number): boolean =>
  account.status === 'needs-sign-in' && (account.sessionCheck === undefined || account.sessionCheck.nextAt <= now);
