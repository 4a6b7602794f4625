// One logical request to a server: the exchange (exchange.ts), tried again when the
// failure is one that passes (a busy server, a dropped connection, a cut-off answer), with
// backoff between tries, and never for answers that would only repeat (401, 403, 404, 412…).
import type { HttpContext } from './http-context';
import { HttpError } from './http-errors';
import { exchange, type HttpResponse } from './exchange';
import type { HttpRequest } from './http-request';
import { withRetries } from './retry-loop';
import { busyAnswer, TRANSIENT_STATUSES } from './transient-errors';

export type { HttpResponse } from './exchange';
export type { HttpRequest } from './http-request';

/**
 * A status that says "later", as an error the retry loop reads: 429/503 with the Retry-After it
 * may wait out (or, beyond the policy's longest wait, the time to come back); 502/504 as they
 * are, since a gateway's Retry-After is not the server's.
 */
function transientAnswer(ctx: HttpContext, res: HttpResponse): Error {
  if (res.status === 429 || res.status === 503) return busyAnswer({ url: res.url, status: res.status, retryAfter: res.retryAfter, policy: ctx.retry });
  return new HttpError(res.url, res.status, res.statusText);
}

/**
 * Sends `req` and hands the answer to `accept`, which turns it into a value or throws. Tries up
 * to `ctx.retry.maxAttempts` times (retry-loop.ts) on network errors, truncated bodies and TRANSIENT_STATUSES:
 * 429 (RFC 6585 §4) and 503 (RFC 9110 §15.6.4) say "later", often with Retry-After; 502 and 504
 * are a gateway's trouble reaching the server, usually brief. Not on 500: a server that fails
 * on a request tends to fail on it again (Xandikos answers 500 for an item it cannot decode),
 * and callers have better answers to it; nor on 401/403/404/412, which would only repeat;
 * honours Retry-After up to `maxRetryAfterMs` and gives up with a RateLimitError naming the
 * time to come back beyond that. Every other status goes to `accept` at once.
 */
export function httpRequest<T = HttpResponse>(
  ctx: HttpContext,
  req: HttpRequest,
  accept: (res: HttpResponse) => T = (res) => res as T,
): Promise<T> {
  return withRetries(ctx.retry, async () => {
    const res = await exchange(ctx, req);
    if (TRANSIENT_STATUSES.has(res.status)) throw transientAnswer(ctx, res);
    return accept(res);
  });
}
