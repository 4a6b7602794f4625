// Failures that say "not now" rather than "not here": a busy server, a gateway in trouble, a
// connection that dropped, an answer cut off. The retry loop (retry-loop.ts) retries them;
// when they outlast every retry they end the run (never turned into per-item failures, never a
// reason to try another URL or a bigger request), and the next run tries again.
import { RequestError, HttpError, NetworkError, hostOf } from './http-errors';
import { backoffDelay, parseRetryAfter, type RetryPolicy } from './retry-policy';
import { t } from '../catalog/catalog-text';
import { formatDateTime } from '../catalog/person-locale';

/** "2 h 5 min", "45 s": how long a wait is, for messages. */
function describeWait(ms: number): string {
  const seconds = Math.max(1, Math.round(ms / 1000));
  if (seconds < 120) return t('httpWaitSeconds', seconds);
  const minutes = Math.round(seconds / 60);
  if (minutes < 120) return t('httpWaitMinutes', minutes);
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? t('httpWaitHours', hours) : t('httpWaitHoursMinutes', hours, minutes % 60);
}

/**
 * 429 Too Many Requests (RFC 6585 §4) or 503 Service Unavailable (RFC 9110 §15.6.4) that did
 * not clear up: either the server asked for a longer wait than the client will sleep through
 * (`retryAt` says when to come back), or it was still busy after every attempt.
 */
export class RateLimitError extends RequestError {
  readonly code = 'rate-limited';
  readonly status: number;
  /** When the server said it would take requests again (ms since the epoch), if it said. */
  readonly retryAt: number | undefined;
  /** A Retry-After short enough to wait out, for the retry loop (retry-loop.ts). */
  readonly retryAfterMs: number | undefined;

  constructor(url: string, status: number, wait: { retryAt: number; now: number } | { attempts: number; retryAfterMs?: number }) {
    super(
      'retryAt' in wait
        ? t('httpBusyWait', hostOf(url), status, describeWait(wait.retryAt - wait.now), formatDateTime(wait.retryAt))
        : t('httpBusyAttempts', hostOf(url), status, wait.attempts),
      url,
    );
    this.status = status;
    this.retryAt = 'retryAt' in wait ? wait.retryAt : undefined;
    this.retryAfterMs = 'retryAt' in wait ? undefined : wait.retryAfterMs;
  }
}

/**
 * A 207 (or a Graph JSON page) whose body is cut off (the connection closed early, or a proxy
 * shortened it) or is not XML (JSON) although it claims to be. A cut-off listing must never be read as "these are all the
 * items": the items it lost would be marked deleted upstream.
 */
export class BadResponseError extends RequestError {
  readonly code = 'bad-response';
  /** True when the body stopped before its end: worth asking again. */
  readonly truncated: boolean;

  constructor(url: string, truncated: boolean, format: 'WebDAV XML' | 'JSON' = 'WebDAV XML') {
    super(t(truncated ? 'httpCutOff' : format === 'JSON' ? 'httpNotJson' : 'httpNotDavXml', hostOf(url)), url);
    this.truncated = truncated;
  }
}

/** The statuses httpRequest tries again (see there); 502 and 504 reach callers as HttpError. */
export const TRANSIENT_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);

/**
 * A 429 or 503 answer as the retry loop reads it (retry-loop.ts; a photo download's provider
 * builds one from its streamed answer): the Retry-After it can wait out, or a RateLimitError
 * naming when to come back when it is longer than the policy waits (RFC 9110 §10.2.3).
 */
export function busyAnswer(params: { url: string; status: number; retryAfter: string | null; policy: RetryPolicy }): RateLimitError {
  const { url, status, policy } = params;
  const now = policy.now();
  const waitMs = parseRetryAfter(params.retryAfter, now);
  if (waitMs !== undefined && waitMs > policy.maxRetryAfterMs) return new RateLimitError(url, status, { retryAt: now + waitMs, now });
  return new RateLimitError(url, status, { attempts: 1, ...(waitMs === undefined ? {} : { retryAfterMs: waitMs }) });
}

/**
 * How long the retry loop (retry-loop.ts) waits before try `attempt + 1` after `error`, or
 * null when it must not try again: not a passing failure, no try left, or a server that asked
 * for a longer wait than the policy sleeps through.
 */
export function waitBeforeRetry(params: { error: unknown; attempt: number; policy: RetryPolicy }): number | null {
  const { error, attempt, policy } = params;
  if (attempt >= policy.maxAttempts || !isTransient(error)) return null;
  if (error instanceof RateLimitError && error.retryAt !== undefined) return null;
  const stated = error instanceof RateLimitError ? error.retryAfterMs : undefined;
  return stated ?? backoffDelay(attempt, policy);
}

/** Whether `error` is one of the passing failures above (after retries, if it reached a caller). */
export function isTransient(error: unknown): boolean {
  if (error instanceof NetworkError || error instanceof RateLimitError) return true;
  if (error instanceof HttpError) return TRANSIENT_STATUSES.has(error.status);
  return error instanceof BadResponseError && error.truncated;
}
