// The popup's figures, whatever popup-timing.ts measures at the moment: it returned one time
// (open to counts shown) and is gaining first-paint and counts-shown marks. This reads both
// shapes, so the benchmark keeps working on either side of that change.
import type { LifeboatBrowser } from './lifeboat-browser';
import { timePopupOpen } from './popup-timing';

export interface PopupMarks {
  /** Navigation start to the popup's first paint; null while popup-timing.ts does not mark it. */
  firstPaint: number | null;
  /** Navigation start to the frame showing the account's real counts. */
  countsShown: number;
}

export async function popupMarks(lifeboat: LifeboatBrowser, contacts: number): Promise<PopupMarks> {
  const measured = (await timePopupOpen(lifeboat, contacts)) as unknown;
  if (typeof measured === 'number') return { firstPaint: null, countsShown: measured };
  const marks = measured as { firstPaint?: unknown; countsShown?: unknown };
  if (typeof marks.countsShown !== 'number') throw new Error(`The popup timing gave no counts-shown time: ${JSON.stringify(measured)}`);
  return { firstPaint: typeof marks.firstPaint === 'number' ? marks.firstPaint : null, countsShown: marks.countsShown };
}
