// The popup's first script. The page paints the frame's outline itself (index.html); this
// script starts reading the accounts' counts straight from IndexedDB, puts the words in
// (popup-frame.tsx) from Preact and the catalog alone, then loads the popup itself as a separate
// chunk, which shows the counts as soon as it is here; the data layer (Dexie, for the live counts
// and the commands) loads after that. test/unit/popup-bundle.test.ts keeps it small.
import { render } from 'preact';
import { PopupFrame } from './popup-frame';
import { markPageLanguage } from '../ui/page-language';
import { readSummaryRecordsDirectly } from '../db/summary-records-direct';
import { summarizeAccounts, type AccountSummary } from '../ui/summarize-accounts';

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

// The time until 'lifeboat:frame-painted' and 'lifeboat:counts-shown' is the popup's own work.
performance.mark('lifeboat:popup-start');
// Under way while the words render and the popup's chunk loads. Null: the popup's watch reads
// through Dexie instead, as every other page does (db/summary-records-direct.ts says when).
const firstRead: Promise<AccountSummary[] | null> = readSummaryRecordsDirectly().then(
  (records) => records && summarizeAccounts(records),
  () => null,
);
// Where "counts shown" goes (bench/popup-timing.ts reads these marks): the popup's chunk fetched
// and evaluated, and the counts read (both under way together), then the render that shows them.
void firstRead.then((summaries) => summaries && performance.mark('lifeboat:counts-read'));
markPageLanguage();
const root = document.getElementById('app');
if (root) {
  render(<PopupFrame />, root);
  // The frame is laid out and this animation frame paints it. The popup's chunk is asked for
  // only now, so its loading and evaluation come after that paint, not before it; the mark waits
  // for the first task after the frame's rendering (a message posted from inside it), i.e. the paint.
  requestAnimationFrame(() => {
    const afterPaint = new MessageChannel();
    afterPaint.port1.onmessage = () => {
      performance.mark('lifeboat:words-painted');
      markFramePainted();
    };
    afterPaint.port2.postMessage(null);
    const popup = import('./popup').then((chunk) => {
      performance.mark('lifeboat:data-chunk-loaded');
      return chunk;
    });
    // The chunk's first render shows the counts when the read has them: the frame stays until both are here.
    void Promise.all([popup, firstRead]).then(([{ Popup }, summaries]) => render(<Popup initial={summaries ?? undefined} />, root));
  });
}
