// The accounts with their counts as a Preact hook, for the popup, the options page and the
// setup's progress: read at open, re-read when the small rows change, never per batch of items
// (watch-account-summaries.ts says why).
import { useEffect, useState } from 'preact/hooks';
import { openDb } from '../db/schema';
import { accountSummaries, type AccountSummary } from './account-summaries';
import { watchAccountSummaries } from './watch-account-summaries';

/** The first read, started by a page before it renders (the popup, as its chunk arrives). */
export function readAccountSummaries(): Promise<AccountSummary[]> {
  return accountSummaries(openDb());
}

/** `first`: a read already under way (readAccountSummaries), taken as the first one. */
export function useAccountSummaries(first?: Promise<AccountSummary[]>): AccountSummary[] | undefined {
  const [summaries, setSummaries] = useState<AccountSummary[] | undefined>(undefined);
  useEffect(() => watchAccountSummaries(openDb(), setSummaries, { first }), []); // `first` is taken once, at the first render
  return summaries;
}
