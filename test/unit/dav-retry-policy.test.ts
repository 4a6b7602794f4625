// Retry-After parsing (RFC 9110 §10.2.3 with the three HTTP-date forms of §5.6.7) and the
// backoff schedule, with an injected random source.
import { describe, expect, it } from 'vitest';
import { backoffDelay, parseRetryAfter, retryPolicy } from '../../src/http/retry-policy';

const NOW = Date.UTC(1994, 10, 6, 8, 49, 0); // 37 s before RFC 9110's example date

describe('parseRetryAfter', () => {
  it.each([
    ['120', 120_000],
    [' 0 ', 0],
    ['Sun, 06 Nov 1994 08:49:37 GMT', 37_000], // IMF-fixdate
    ['Sunday, 06-Nov-94 08:49:37 GMT', 37_000], // obsolete RFC 850 form
    ['Sun Nov  6 08:49:37 1994', 37_000], // obsolete asctime form: GMT, whatever the local zone
    ['Sat, 05 Nov 1994 08:49:37 GMT', 0], // already past: no wait
  ])('reads %j as %i ms', (value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });

  it.each([[null], [undefined], [''], ['soon'], ['-5'], ['1.5'], ['2025-03-01T12:00:00Z']])(
    'ignores %j (the backoff applies instead)',
    (value) => {
      expect(parseRetryAfter(value, NOW)).toBeUndefined();
    },
  );
});

describe('backoffDelay', () => {
  it('doubles per attempt within [half, full] of the step, capped at maxDelayMs', () => {
    const low = retryPolicy({ random: () => 0 });
    const high = retryPolicy({ random: () => 0.999999 });
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => backoffDelay(n, low))).toEqual([500, 1000, 2000, 4000, 8000, 15_000, 15_000]);
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => backoffDelay(n, high))).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000]);
  });

  it('keeps a random source outside [0, 1) in bounds', () => {
    expect(backoffDelay(1, retryPolicy({ random: () => 7 }))).toBe(1000);
    expect(backoffDelay(1, retryPolicy({ random: () => -1 }))).toBe(500);
  });

  it('defaults to 5 attempts and a 5-minute cap on Retry-After', () => {
    expect(retryPolicy()).toMatchObject({ maxAttempts: 5, maxRetryAfterMs: 300_000 });
  });
});
