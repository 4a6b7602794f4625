// The popup's first script. The page paints the frame's outline itself (index.html); this
// script puts the words in (popup-frame.tsx) from Preact and the catalog alone, then loads the
// rest (Dexie, the summaries, the commands) as a separate chunk, so the first paint never waits
// for the data layer. test/unit/popup-bundle.test.ts keeps it small.
import { render } from 'preact';
import { PopupFrame } from './popup-frame';
import { markPageLanguage } from '../ui/page-language';

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
markPageLanguage();
const root = document.getElementById('app');
if (root) {
  render(<PopupFrame />, root);
  // The frame is laid out and this animation frame paints it. The data chunk is asked for only
  // now, so its loading and evaluation come after that paint, not before it; the mark waits for
  // the first task after the frame's rendering (a message posted from inside it), i.e. the paint.
  requestAnimationFrame(() => {
    const afterPaint = new MessageChannel();
    afterPaint.port1.onmessage = () => {
      performance.mark('lifeboat:words-painted');
      markFramePainted();
    };
    afterPaint.port2.postMessage(null);
    void import('./popup').then(({ Popup, readAccountSummaries }) => {
      // Where "counts shown" goes (bench/popup-floor.ts reads these): the data chunk fetched
      // and evaluated, then the counts read from the database, then the render that shows them.
      performance.mark('lifeboat:data-chunk-loaded');
      const first = readAccountSummaries();
      void first.then(() => performance.mark('lifeboat:counts-read'), () => undefined);
      render(<Popup first={first} />, root);
    });
  });
}
