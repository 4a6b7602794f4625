// How hard the HTTP layer tries before it gives up on a request or a photo download, and how
// long it waits in between (the loop itself: retry-loop.ts). The clock, the sleep and the
// random source are injected so unit tests run without waiting and with reproducible jitter.

export interface RetryPolicy {
  /** Tries per request, the first one included. */
  maxAttempts: number;
  /** Backoff before the second try; doubles for each further one. */
  baseDelayMs: number;
  /** Upper bound of one backoff wait (Retry-After aside). */
  maxDelayMs: number;
  /**
   * The longest Retry-After the client waits out. A longer one ends the request with a
   * RateLimitError naming the time to come back: a service worker cannot sleep for an hour
   * (Chrome ends it after 5 minutes on one event), and the next scheduled run can.
   */
  maxRetryAfterMs: number;
  sleep: (ms: number) => Promise<void>;
  /** In [0, 1), like Math.random. */
  random: () => number;
  /** Milliseconds since the epoch, like Date.now; Retry-After dates are read against it. */
  now: () => number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 5 * 60_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: () => Math.random(),
  now: () => Date.now(),
};

export function retryPolicy(overrides: Partial<RetryPolicy> = {}): RetryPolicy {
  return { ...DEFAULT_RETRY_POLICY, ...overrides };
}

/**
 * The wait before try number `attempt + 1`: exponential, with "equal jitter" (half fixed, half
 * random) so clients that failed together do not come back together, yet never retry at once.
 * https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 */
export function backoffDelay(attempt: number, policy: RetryPolicy): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  const random = Math.min(Math.max(policy.random(), 0), 1);
  return Math.round(exponential / 2 + (random * exponential) / 2);
}

// RFC 9110 §5.6.7: recipients must accept all three HTTP-date forms. Date.parse reads the
// preferred IMF-fixdate and RFC 850 forms as GMT, but asctime carries no zone and would be read
// as local time, so it is rebuilt with an explicit GMT.
const ASCTIME = /^[A-Za-z]{3} ([A-Za-z]{3}) +(\d{1,2}) (\d{2}:\d{2}:\d{2}) (\d{4})$/;
const HTTP_DATE = /^[A-Za-z]{3,9}, /;

function parseHttpDate(text: string): number | undefined {
  const asctime = ASCTIME.exec(text);
  const normalised = asctime ? `${asctime[2]} ${asctime[1]} ${asctime[4]} ${asctime[3]} GMT` : text;
  if (!asctime && !HTTP_DATE.test(text)) return undefined;
  const time = Date.parse(normalised);
  return Number.isNaN(time) ? undefined : time;
}

/**
 * RFC 9110 §10.2.3: `Retry-After: 120` (delay-seconds) or `Retry-After: Fri, 31 Dec 1999
 * 23:59:59 GMT` (HTTP-date). Returns how long to wait from `now` in ms (0 for a date already
 * past), or undefined when the header is absent or unreadable (then the backoff applies).
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  const text = value?.trim() ?? '';
  if (text === '') return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const time = parseHttpDate(text);
  return time === undefined ? undefined : Math.max(0, time - now);
}
