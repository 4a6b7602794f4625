// What a failed run leaves on its account: a refused credential pauses it until a person acts
// (a new password, or signing in again, as the account's kind needs); any other failure is an
// error the next scheduled run tries to cure. The sentence comes from the error (the HTTP
// layer's and the providers' errors carry catalog sentences), or from the catalog when the
// thrown value says nothing a person could read.
import type { AccountStatus } from '../../model/account';
import { t } from '../../catalog/catalog-text';
import { isCredentialsRejected } from '../describe-error';

export type CredentialsRejectedStatus = Extract<AccountStatus, 'needs-password' | 'needs-sign-in'>;

export function failureStatus(error: unknown, credentialsRejected: CredentialsRejectedStatus): AccountStatus {
  return isCredentialsRejected(error) ? credentialsRejected : 'error';
}

export function failureMessage(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === 'string' && error) return error;
  return t('runFailedUnknown');
}
