// The accounts with their counts as a Preact hook, for the popup, the options page and the
// setup's progress: read at open, re-read when the small rows change, never per batch of items
// (watch-account-summaries.ts says why). The watch, with Dexie, loads after the page's first
// render: the popup shows the counts it read straight from IndexedDB (popup/main.tsx) without
// waiting for the data layer.
import { useEffect, useState } from 'preact/hooks';
import type { AccountSummary } from './summarize-accounts';

/**
 * `initial`: summaries already at hand, shown from the first render (the popup's copy from
 * storage.session, or its direct read). `fresh`: the popup's direct read of the database, when
 * `initial` came from that copy: shown as soon as it answers and taken as the watch's first read,
 * so a copy that missed a change is replaced within tens of milliseconds; null, it could not read.
 */
export function useAccountSummaries(initial?: AccountSummary[], fresh?: Promise<AccountSummary[] | null>): AccountSummary[] | undefined {
  const [summaries, setSummaries] = useState<AccountSummary[] | undefined>(initial);
  useEffect(() => {
    let stop: (() => void) | null = null;
    let unmounted = false;
    void fresh?.then((read) => !unmounted && read && setSummaries(read));
    const first = fresh ?? (initial && Promise.resolve(initial));
    void Promise.all([import('../db/schema'), import('./watch-account-summaries')]).then(([{ openDb }, { watchAccountSummaries }]) => {
      if (unmounted) return;
      stop = watchAccountSummaries(openDb(), setSummaries, { first });
    });
    return () => {
      unmounted = true;
      stop?.();
    };
  }, []); // `initial` and `fresh` are taken once, at the first render
  return summaries;
}
