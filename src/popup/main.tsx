// The popup's first script: it paints the frame (popup-frame.tsx) from Preact and the catalog
// alone, then loads the rest (Dexie, the summaries, the commands) as a separate chunk, so the
// first paint never waits for the data layer. test/unit/popup-bundle.test.ts keeps it small.
import { render } from 'preact';
import { PopupFrame } from './popup-frame';
import { markPageLanguage } from '../ui/page-language';

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
    afterPaint.port1.onmessage = () => performance.mark('lifeboat:frame-painted');
    afterPaint.port2.postMessage(null);
    void import('./popup').then(({ Popup, readAccountSummaries }) => render(<Popup first={readAccountSummaries()} />, root));
  });
}
