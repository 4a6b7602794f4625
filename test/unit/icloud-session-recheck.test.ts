// A paused iCloud web-session account is checked again by the schedule: at once for the first
// checks, then less and less often, never more rarely than every 6 hours, and only while it
// waits for a sign-in at icloud.com.
import { describe, expect, it } from 'vitest';
import { sessionCheckDue, sessionCheckWait } from '../../src/background/session-backoff';
import type { AccountRecord } from '../../src/model/account';

const HOUR = 3_600_000;
const account = (changes: Partial<AccountRecord>): AccountRecord => ({
  id: 'a',
  kind: 'icloud-web',
  label: 'Robin',
  serverUrl: 'https://setup.icloud.com/',
  calendarServerUrl: null,
  services: ['addressbook', 'calendar'],
  username: '',
  createdAt: 0,
  status: 'needs-sign-in',
  lastError: null,
  lastSuccessAt: null,
  progress: null,
  detached: false,
  discovery: {},
  ...changes,
});

describe('the schedule’s re-check of a signed-out iCloud session', () => {
  it('backs off: the next two scheduled runs, then 1, 2, 4 hours, then every 6', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map(sessionCheckWait)).toEqual([0, 0, HOUR, 2 * HOUR, 4 * HOUR, 6 * HOUR, 6 * HOUR, 6 * HOUR]);
  });

  it('is due only while the account waits for a sign-in, once its wait is over', () => {
    expect(sessionCheckDue(account({}), 0)).toBe(true);
    expect(sessionCheckDue(account({ sessionCheck: { misses: 3, nextAt: 5 * HOUR } }), 4 * HOUR)).toBe(false);
    expect(sessionCheckDue(account({ sessionCheck: { misses: 3, nextAt: 5 * HOUR } }), 5 * HOUR)).toBe(true);
    expect(sessionCheckDue(account({ status: 'error' }), 0)).toBe(false);
    expect(sessionCheckDue(account({ status: 'needs-password' }), 0)).toBe(false);
  });
});
