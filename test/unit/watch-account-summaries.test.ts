// The pages' account list while a mirror runs: items written in batches do not re-count the
// mirror; the account's own row changing (progress, the end of the run) does, and the counts
// then shown are the mirror's (src/ui/watch-account-summaries.ts).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addTestAccount, freshDb } from '../support/test-db';
import { updateAccount } from '../../src/db/accounts';
import { watchAccountSummaries } from '../../src/ui/watch-account-summaries';
import type { AccountSummary } from '../../src/ui/account-summaries';
import type { ItemRecord } from '../../src/model/item';

const INTERVAL = 10;
const stops: Array<() => void> = [];
afterEach(() => stops.splice(0).forEach((stop) => stop()));

function contact(n: number): ItemRecord {
  return {
    id: `acct|book|${n}`, accountId: 'acct', collectionId: 'acct|book', kind: 'contact', href: `${n}`, etag: '1', raw: 'BEGIN:VCARD', uid: null,
    title: `Person ${n}`, emails: [], phones: [], start: null, end: null, allDay: false, recurring: false, firstSeenAt: 1, updatedAt: 1, deletedUpstreamAt: null, live: 1,
  };
}

/** Enough time for a live query to answer and a coalesced read to run, many times over. */
const settle = () => new Promise((resolve) => setTimeout(resolve, INTERVAL * 10));

describe('the account summaries a page watches', () => {
  it('reads once at the start, not again per batch of items, and again when the account row changes', async () => {
    const db = freshDb();
    await addTestAccount(db);
    const shown: AccountSummary[][] = [];
    stops.push(watchAccountSummaries(db, (summaries) => shown.push(summaries), { intervalMs: INTERVAL }));
    await vi.waitFor(() => expect(shown).toHaveLength(1));
    expect(shown[0]![0]!.contacts).toBe(0);

    for (let batch = 0; batch < 5; batch++) {
      await db.items.bulkPut(Array.from({ length: 100 }, (_, i) => contact(batch * 100 + i)));
      await settle();
    }
    expect(shown).toHaveLength(1);

    await updateAccount(db, 'acct', { progress: { done: 500, total: 500 } });
    await vi.waitFor(() => expect(shown.at(-1)![0]!.contacts).toBe(500));
    expect(shown).toHaveLength(2);
  });

  it('takes a read already under way as its first, and stops reading when stopped', async () => {
    const db = freshDb();
    await addTestAccount(db);
    const shown: AccountSummary[][] = [];
    const first = Promise.resolve([] as AccountSummary[]);
    const stop = watchAccountSummaries(db, (summaries) => shown.push(summaries), { first, intervalMs: INTERVAL });
    await vi.waitFor(() => expect(shown).toEqual([[]]));
    stop();
    await updateAccount(db, 'acct', { status: 'syncing' });
    await settle();
    expect(shown).toEqual([[]]);
  });
});
