// One logical request to a server: the exchange (exchange.ts), tried again when the
// failure is one that passes (a busy server, a dropped connection, a cut-off answer), with
// backoff between tries, and never for answers that would only repeat (401, 403, 404, 412…).
import type { HttpContext } from './http-context';
import { HttpError, NetworkError } from './http-errors';
import { exchange, type HttpResponse } from './exchange';
import type { HttpRequest } from './http-request';
import { backoffDelay, parseRetryAfter } from './retry-policy';
import { BadResponseError, RateLimitError, TRANSIENT_STATUSES } from './transient-errors';

export type { HttpResponse } from './exchange';
export type { HttpRequest } from './http-request';

/** Failures thrown by an exchange or by `accept` that another try may cure. */
function isPassing(error: unknown): boolean {
  if (error instanceof NetworkError) return true;
  // A body that stopped early is a broken connection; a complete body that does not parse
  // would come back the same, so asking again only loads the server.
  return error instanceof BadResponseError && error.truncated;
}

/** The error that ends the request when no try is left. */
function finalStatusError(res: HttpResponse, attempts: number): Error {
  if (res.status === 429 || res.status === 503) return new RateLimitError(res.url, res.status, { attempts });
  return new HttpError(res.url, res.status, res.statusText);
}

/**
 * Sends `req` and hands the answer to `accept`, which turns it into a value or throws. Tries up
 * to `ctx.retry.maxAttempts` times on network errors, truncated bodies and TRANSIENT_STATUSES:
 * 429 (RFC 6585 §4) and 503 (RFC 9110 §15.6.4) say "later", often with Retry-After; 502 and 504
 * are a gateway's trouble reaching the server, usually brief. Not on 500: a server that fails
 * on a request tends to fail on it again (Xandikos answers 500 for an item it cannot decode),
 * and callers have better answers to it; nor on 401/403/404/412, which would only repeat;
 * honours Retry-After up to `maxRetryAfterMs` and gives up with a RateLimitError naming the
 * time to come back beyond that. Every other status goes to `accept` at once.
 */
export async function httpRequest<T = HttpResponse>(
  ctx: HttpContext,
  req: HttpRequest,
  accept: (res: HttpResponse) => T = (res) => res as T,
): Promise<T> {
  const policy = ctx.retry;
  for (let attempt = 1; ; attempt++) {
    const last = attempt >= policy.maxAttempts;
    let res: HttpResponse;
    try {
      res = await exchange(ctx, req);
      if (!TRANSIENT_STATUSES.has(res.status)) return accept(res);
    } catch (error) {
      if (last || !isPassing(error)) throw error;
      await policy.sleep(backoffDelay(attempt, policy));
      continue;
    }
    const now = policy.now();
    const retryAfter = res.status === 502 || res.status === 504 ? undefined : parseRetryAfter(res.retryAfter, now);
    if (retryAfter !== undefined && retryAfter > policy.maxRetryAfterMs) {
      throw new RateLimitError(res.url, res.status, { retryAt: now + retryAfter, now });
    }
    if (last) throw finalStatusError(res, attempt);
    // RFC 9110 §10.2.3: the server says how long to wait; otherwise back off exponentially.
    await policy.sleep(retryAfter ?? backoffDelay(attempt, policy));
  }
}
