// What a failed run leaves on its account: a refused credential pauses it until a person acts
// (a new password, or signing in again, as the account's kind needs); any other failure is an
// error the next scheduled run tries to cure. The sentence comes from the error (the HTTP
// layer's and the providers' errors carry catalog sentences), or from the catalog when the
// thrown value says nothing a person could read.
import type { AccountStatus } from '../../model/account';
import type { AnswerDiagnostic } from '../../model/run';
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

/**
 * What a failure that carries an unexpected answer's description keeps for the run log: its
 * path, status and shape (providers/icloud-web/answer-shape.ts removed every value), nothing else.
 */
export function failureDiagnostic(error: unknown): { diagnostic: AnswerDiagnostic } | Record<string, never> {
  if (typeof error !== 'object' || error === null) return {};
  const { path, status, shape } = error as Partial<Record<keyof AnswerDiagnostic, unknown>>;
  if (typeof path !== 'string' || typeof status !== 'number' || typeof shape !== 'string') return {};
  return { diagnostic: { path, status, shape } };
}
