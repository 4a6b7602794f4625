// The one retry loop: every request of every provider (request.ts) and every photo download
// (sync/photos/download-photo.ts, which resumes from the bytes it stored) goes through it, so
// a busy server's Retry-After (RFC 9110 §10.2.3) is honoured, the backoff grows and the
// attempts are bounded the same way everywhere (retry-policy.ts).
import type { RetryPolicy } from './retry-policy';
import { RateLimitError, waitBeforeRetry } from './transient-errors';

/**
 * The error that ends the loop. A busy answer that outlasted every attempt says how many there
 * were (the attempt that met it only knew of itself); anything else is thrown as it came.
 */
function givenUp(error: unknown, attempts: number): unknown {
  if (error instanceof RateLimitError && error.retryAt === undefined && attempts > 1) {
    return new RateLimitError(error.url, error.status, { attempts });
  }
  return error;
}

/**
 * Runs `attempt` (given its number, from 1) until it succeeds, or throws what cannot pass
 * (transient-errors.ts isTransient), or the policy's attempts are spent, or the server asked
 * for a longer wait than the policy sleeps through.
 */
export async function withRetries<T>(policy: RetryPolicy, attempt: (n: number) => Promise<T>): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (error) {
      const wait = waitBeforeRetry({ error, attempt: n, policy });
      if (wait === null) throw givenUp(error, n);
      await policy.sleep(wait);
    }
  }
}
