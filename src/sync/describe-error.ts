// Turns any thrown value into one sentence for a person. Typed errors from the sources
// already carry such a sentence; anything else is shown by its message.
export function describeError(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return String(error);
}

/**
 * Whether the server refused the credentials. Sources signal it with an error named
 * `AuthError` (sources/dav/dav-errors.ts); the engine then pauses the account's schedule
 * until the person enters a new password, instead of retrying with a wrong one every run.
 */
export function isCredentialsRejected(error: unknown): boolean {
  return error instanceof Error && error.name === 'AuthError';
}
