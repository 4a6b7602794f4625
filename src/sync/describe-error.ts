// Turns any thrown value into one sentence for a person, and tells the kinds of failure
// apart. Typed errors from the sources already carry such a sentence.
import type { SourceErrorShape } from '../model/source';

export function describeError(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return String(error);
}

function errorCode(error: unknown): SourceErrorShape {
  return typeof error === 'object' && error !== null ? error : {};
}

/** The server refused the credentials (see SourceErrorShape in model/source.ts). */
export function isCredentialsRejected(error: unknown): boolean {
  const { code, status } = errorCode(error);
  return code === 'auth' && status === 401;
}

/**
 * The server is busy or unreachable: going on with its other collections would only load it.
 * A calendar feed's failure too: the feed is the account's only collection, so the account,
 * not just a line of the run log, must show that its copy is not current.
 */
export function endsTheRun(error: unknown): boolean {
  const { code } = errorCode(error);
  return isCredentialsRejected(error) || code === 'rate-limited' || code === 'network' || code === 'feed';
}
