// The pages' account list while a mirror runs: items written in batches move one counters row
// each (db/counters-middleware.ts), and the page's reads of it are coalesced, never one per
// batch; the account's own row changing (progress, the end of the run) reads again, and the
// counts then shown are the mirror's (src/ui/watch-account-summaries.ts).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addTestAccount, bookContact, freshDb } from '../support/test-db';
import { updateAccount } from '../../src/db/accounts';
import { watchAccountSummaries } from '../../src/ui/watch-account-summaries';
import { accountSummaries } from '../../src/ui/account-summaries';
import type { AccountSummary } from '../../src/ui/summarize-accounts';

const INTERVAL = 10;
const stops: Array<() => void> = [];
afterEach(() => stops.splice(0).forEach((stop) => stop()));

/** Enough time for a live query to answer and a coalesced read to run, many times over. */
const settle = () => new Promise((resolve) => setTimeout(resolve, INTERVAL * 10));

describe('the account summaries a page watches', () => {
  it('reads once at the start, then at most once per interval however many batches land, and again when the account row changes', async () => {
    const db = freshDb();
    await addTestAccount(db);
    const shown: AccountSummary[][] = [];
    const interval = INTERVAL * 10;
    stops.push(watchAccountSummaries(db, (summaries) => shown.push(summaries), { intervalMs: interval }));
    await vi.waitFor(() => expect(shown).toHaveLength(1));
    expect(shown[0]![0]!.contacts).toBe(0);

    // Twenty batches written back to back: one read per interval at most, not one per batch.
    const started = Date.now();
    for (let batch = 0; batch < 20; batch++) await db.items.bulkPut(Array.from({ length: 25 }, (_, i) => bookContact(batch * 25 + i)));
    const writing = Date.now() - started;
    await vi.waitFor(() => expect(shown.at(-1)![0]!.contacts).toBe(500), { timeout: interval * 5 });
    expect(shown.length).toBeLessThanOrEqual(2 + Math.ceil(writing / interval));
    expect(shown.length).toBeLessThan(20);
    await new Promise((resolve) => setTimeout(resolve, interval * 2));
    expect(shown.at(-1)![0]!.contacts).toBe(500);

    const before = shown.length;
    await updateAccount(db, 'acct', { progress: { done: 500, total: 500 } });
    await vi.waitFor(() => expect(shown).toHaveLength(before + 1));
    expect(shown.at(-1)![0]!.contacts).toBe(500);
  });

  it('reads at once, not an interval later, when an account’s status changes (a run ending)', async () => {
    const db = freshDb();
    await addTestAccount(db);
    await updateAccount(db, 'acct', { status: 'syncing' });
    const shown: AccountSummary[][] = [];
    // An interval no test waits out: only a read that skips the pause can show the end.
    stops.push(watchAccountSummaries(db, (summaries) => shown.push(summaries), { intervalMs: 60_000 }));
    await vi.waitFor(() => expect(shown).toHaveLength(1));
    await settle();
    await updateAccount(db, 'acct', { progress: { done: 5, total: 10 } });
    await settle();
    expect(shown).toHaveLength(1);
    await updateAccount(db, 'acct', { status: 'idle', progress: null });
    await vi.waitFor(() => expect(shown.at(-1)![0]!.account.status).toBe('idle'));
  });

  it('takes a read already under way as its first, and stops reading when stopped', async () => {
    const db = freshDb();
    await addTestAccount(db);
    const shown: AccountSummary[][] = [];
    const first = Promise.resolve([] as AccountSummary[]);
    const stop = watchAccountSummaries(db, (summaries) => shown.push(summaries), { first, intervalMs: INTERVAL });
    await vi.waitFor(() => expect(shown[0]).toEqual([]));
    await settle();
    const seen = shown.length;
    stop();
    await updateAccount(db, 'acct', { status: 'syncing' });
    await settle();
    expect(shown).toHaveLength(seen);
  });

  it('shows a change made between its first read and the watch starting (a run ending as the page opens)', async () => {
    const db = freshDb();
    await addTestAccount(db);
    await updateAccount(db, 'acct', { status: 'syncing' });
    const shown: AccountSummary[][] = [];
    // The first read saw the run under way; the run ends before the watch's first answer.
    const first = accountSummaries(db);
    await first;
    await updateAccount(db, 'acct', { status: 'idle' });
    stops.push(watchAccountSummaries(db, (summaries) => shown.push(summaries), { first, intervalMs: INTERVAL }));
    await vi.waitFor(() => expect(shown.at(-1)?.[0]?.account.status).toBe('idle'));
    expect(shown[0]![0]!.account.status).toBe('syncing');
  });
});
