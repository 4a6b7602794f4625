// What a run needs to reach an account's server: its password (or a feed's full address) from
// extension storage, or for a signed-in account a bearer token, renewed silently if it can be.
// A sign-in that cannot be renewed pauses the account at "Sign in again"; nothing is cleared.
// While the passphrase lock is locked there is no secret to read: the run skips the account
// without an error and without marking it (secrets/lock-state.ts).
import type { LifeboatDb } from '../db/schema';
import type { AccountRecord } from '../model/account';
import { updateAccount } from '../db/accounts';
import type { BearerAuth } from '../http/http-context';
import { describeError, isCredentialsRejected } from '../sync/describe-error';
import { loadPassword } from './credentials';
import { bearerFor } from './oauth-bearer';
import { providerOf } from '../providers/registry';
import { usesBrowserSession } from '../model/provider-setup';
import { LockedError } from '../secrets/lock-params';
import { lockStatus } from '../secrets/lock-state';

/** The account signs in with an identity service (its provider's `secret`), rather than a password. */
export const signsIn = (account: AccountRecord): boolean => providerOf(account.kind).setup.secret === 'sign-in';

/** The account rides on the browser's own sign-in at its service's site (iCloud): Lifeboat holds no secret for it. */
export const ridesBrowserSession = (account: AccountRecord): boolean => usesBrowserSession(providerOf(account.kind).setup);

/** What refused credentials make of the account: signing in again (with the service, or at its site), or a new password. */
export const credentialsRejectedStatus = (account: AccountRecord): 'needs-sign-in' | 'needs-password' =>
  signsIn(account) || ridesBrowserSession(account) ? 'needs-sign-in' : 'needs-password';

/**
 * The secret, or null when the account now waits for the person to sign in again, or for the
 * lock to be opened. A browser-session account has none: '' (the browser adds its cookies).
 */
export async function accountSecret(db: LifeboatDb, account: AccountRecord): Promise<string | BearerAuth | null> {
  if (ridesBrowserSession(account)) return '';
  try {
    if (!signsIn(account)) return await loadPassword(account.id);
    return await bearerFor(account.id, account.kind);
  } catch (error) {
    if (error instanceof LockedError) return null;
    if (!isCredentialsRejected(error)) throw error;
    await updateAccount(db, account.id, { status: 'needs-sign-in', lastError: describeError(error) });
    return null;
  }
}

/** Accounts a scheduled run leaves alone until the person acts. */
export const isPaused = (account: AccountRecord): boolean => account.status === 'needs-password' || account.status === 'needs-sign-in';

/** A run started while the lock is locked ends before it begins, marking nothing. */
export const secretsLocked = async (): Promise<boolean> => (await lockStatus()) === 'locked';

/**
 * Whether the lock stops this account's run: it seals stored secrets, and a browser-session
 * account has none (its session is the browser's own cookies), so it runs while locked.
 */
export const lockStops = async (account: AccountRecord): Promise<boolean> => !ridesBrowserSession(account) && (await secretsLocked());
