// The accounts with their counts as a Preact hook, for the popup, the options page and the
// setup's progress: read at open, re-read when the small rows change, never per batch of items
// (watch-account-summaries.ts says why). The watch, with Dexie, loads after the page's first
// render: the popup shows the counts it read straight from IndexedDB (popup/main.tsx) without
// waiting for the data layer.
import { useEffect, useState } from 'preact/hooks';
import type { AccountSummary } from './summarize-accounts';

/** `initial`: summaries already read (the popup's direct first read), shown from the first render. */
export function useAccountSummaries(initial?: AccountSummary[]): AccountSummary[] | undefined {
  const [summaries, setSummaries] = useState<AccountSummary[] | undefined>(initial);
  useEffect(() => {
    let stop: (() => void) | null = null;
    let unmounted = false;
    void Promise.all([import('../db/schema'), import('./watch-account-summaries')]).then(([{ openDb }, { watchAccountSummaries }]) => {
      if (unmounted) return;
      stop = watchAccountSummaries(openDb(), setSummaries, { first: initial && Promise.resolve(initial) });
    });
    return () => {
      unmounted = true;
      stop?.();
    };
  }, []); // `initial` is taken once, at the first render
  return summaries;
}
