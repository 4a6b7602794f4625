// The popup's first counts may come from the worker's copy in storage.session, which can miss a
// change the worker had not yet copied (src/db/session-summary.ts). The popup then hands its
// direct read of the database to the accounts' hook as `fresh`: the hook must replace the copy
// with it as soon as it answers, and read through Dexie when it could not read
// (src/ui/use-account-summaries.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/preact';
import { openDb } from '../../src/db/schema';
import { addTestAccount, bookContact } from '../support/test-db';
import { accountSummaries } from '../../src/ui/account-summaries';
import { useAccountSummaries } from '../../src/ui/use-account-summaries';
import type { AccountSummary } from '../../src/ui/summarize-accounts';

/** Every count the probe rendered, in order. */
let shown: string[] = [];

function Probe({ initial, fresh }: { initial?: AccountSummary[]; fresh?: Promise<AccountSummary[] | null> }) {
  const summaries = useAccountSummaries(initial, fresh);
  if (summaries) shown.push(summaries.map((s) => s.contacts).join(','));
  return <p>{summaries === undefined ? 'none yet' : `contacts ${summaries.map((s) => s.contacts).join(',')}`}</p>;
}

/** The mirror holds 7 contacts; the copy says 5 (it missed the last batch). */
async function mirrorAndStaleCopy(): Promise<{ current: AccountSummary[]; copy: AccountSummary[] }> {
  const db = openDb();
  await addTestAccount(db);
  await db.items.bulkPut(Array.from({ length: 7 }, (_, i) => bookContact(i)));
  const current = await accountSummaries(db);
  return { current, copy: current.map((summary) => ({ ...summary, contacts: 5 })) };
}

afterEach(async () => {
  shown = [];
  const db = openDb();
  await Promise.all([db.items.clear(), db.accounts.clear(), db.counters.clear()]);
});

describe('the accounts’ first counts in the popup', () => {
  it('shows the copy at once, then what the direct read answered, then the live counts', async () => {
    const { current, copy } = await mirrorAndStaleCopy();
    let answer!: (summaries: AccountSummary[]) => void;
    const fresh = new Promise<AccountSummary[] | null>((resolve) => (answer = resolve));
    render(<Probe initial={copy} fresh={fresh} />);
    expect(screen.getByText('contacts 5')).toBeTruthy();
    // A direct read made a moment before the last batch was committed: 6 contacts.
    answer(current.map((summary) => ({ ...summary, contacts: 6 })));
    // The watch reads again within its interval (a second): its first read was the direct one.
    await waitFor(() => expect(screen.getByText('contacts 7')).toBeTruthy(), { timeout: 5_000 });
    expect(shown[0]).toBe('5');
    expect(shown).toContain('6');
  });

  it('reads through Dexie when the direct read could not read', async () => {
    const { copy } = await mirrorAndStaleCopy();
    render(<Probe initial={copy} fresh={Promise.resolve(null)} />);
    expect(screen.getByText('contacts 5')).toBeTruthy();
    await waitFor(() => expect(screen.getByText('contacts 7')).toBeTruthy());
  });
});
