// The popup's first script. The page paints the frame's outline itself (index.html); this
// script asks for the accounts' counts two ways at once (the worker's copy in storage.session,
// which answers first, and IndexedDB itself, which replaces it), puts the words in
// (popup-frame.tsx) and renders the popup as soon as the first answer is here. The popup is part
// of this script, not a chunk loaded after it: with the copy answering about 6 ms after the
// script starts, fetching and evaluating a second chunk was what the counts waited for. The data
// layer (Dexie, for the live counts and the commands) loads after the first render.
// test/unit/popup-bundle.test.ts keeps this script within its budget and without Dexie.
import { render } from 'preact';
import { PopupFrame } from './popup-frame';
import { Popup } from './popup';
import { markPageLanguage } from '../ui/page-language';
import { readSummaryRecordsDirectly } from '../db/summary-records-direct';
import { summarizeAccounts, type AccountSummary } from '../ui/summarize-accounts';
import { readSessionSummary } from '../db/session-summary';
import type { SummaryRecords } from '../db/summary-records';

/**
 * The frame's outline is in the page itself (index.html) and is usually painted before this
 * script has even been fetched: the page's first paint (Paint Timing, reported a little after
 * the frame is shown, hence the observer) is the frame's. A browser without paint entries gets
 * the time the words were painted.
 */
function markFramePainted(): void {
  if (!PerformanceObserver.supportedEntryTypes.includes('paint')) {
    performance.mark('lifeboat:frame-painted');
    return;
  }
  const observer = new PerformanceObserver((list) => {
    const [first] = list.getEntries().sort((a, b) => a.startTime - b.startTime);
    if (!first) return;
    observer.disconnect();
    performance.mark('lifeboat:frame-painted', { startTime: first.startTime });
  });
  observer.observe({ type: 'paint', buffered: true });
}

/** Summaries of what a read answered, marked with `mark` when it had records; null otherwise. */
function summarized(read: Promise<SummaryRecords | null>, mark: string): Promise<AccountSummary[] | null> {
  return read.then(
    (records) => {
      if (!records) return null;
      performance.mark(mark);
      return summarizeAccounts(records);
    },
    () => null,
  );
}

// The time until 'lifeboat:frame-painted' and 'lifeboat:counts-shown' is the popup's own work.
performance.mark('lifeboat:popup-start');
// Both under way while the words render: the worker's copy of the records (db/session-summary.ts,
// in memory: the quicker answer) and the database itself (the answer that counts: it replaces the
// copy as soon as it is here). Null: no copy yet (the browser just started), or the direct read
// cannot be made here, and the popup's watch reads through Dexie instead, as every other page
// does (db/summary-records-direct.ts says when).
const copied = summarized(readSessionSummary(), 'lifeboat:counts-copied');
const direct = summarized(readSummaryRecordsDirectly(), 'lifeboat:counts-read-directly');
/** What the first render shows: the copy if there is one, else the direct read; `fresh`, the direct read that follows the copy. */
const firstRead: Promise<{ initial: AccountSummary[] | null; fresh?: Promise<AccountSummary[] | null> }> = copied.then((copy) =>
  copy ? { initial: copy, fresh: direct } : direct.then((initial) => ({ initial })),
);
// Where "counts shown" goes (bench/popup-timing.ts reads these marks): the first counts at hand,
// then the render that shows them.
void firstRead.then(({ initial }) => initial && performance.mark('lifeboat:counts-read'));
markPageLanguage();
const root = document.getElementById('app');
if (root) {
  render(<PopupFrame />, root);
  // The frame is laid out and this animation frame paints it; the mark waits for the first task
  // after the frame's rendering (a message posted from inside it), i.e. the paint.
  requestAnimationFrame(() => {
    const afterPaint = new MessageChannel();
    afterPaint.port1.onmessage = () => {
      performance.mark('lifeboat:words-painted');
      markFramePainted();
    };
    afterPaint.port2.postMessage(null);
  });
  // The popup's first render shows the first counts at hand; the frame stays until they are here.
  void firstRead.then(({ initial, fresh }) => render(<Popup initial={initial ?? undefined} fresh={fresh} />, root));
}
