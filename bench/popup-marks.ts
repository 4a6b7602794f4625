// The popup's two figures, from the marks the page sets itself (popup-timing.ts):
// 'lifeboat:frame-painted' after its first frame, 'lifeboat:counts-shown' once the real counts
// are on screen, both from navigation start.
import type { LifeboatBrowser } from './lifeboat-browser';
import { timePopupPhases } from './popup-timing';

export interface PopupMarks {
  /** Navigation start to the popup's first paint. */
  firstPaint: number | null;
  /** Navigation start to the frame showing the account's real counts. */
  countsShown: number;
}

export async function popupMarks(lifeboat: LifeboatBrowser, contacts: number): Promise<PopupMarks> {
  const { firstPaint, countsShown } = await timePopupPhases(lifeboat, contacts);
  return { firstPaint, countsShown };
}
