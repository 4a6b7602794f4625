// The high-water mark of a collection: the largest live count it had over the last 30 days.
// A wipe done in small steps (18 of 200 contacts before each sync) never trips a per-run
// share, but it does take the collection far below its recent high. Pure: the caller keeps
// the highs (db/wipe-marks.ts) and passes them in.
//
// One entry per day (that day's highest count and when it was seen) is the cheapest record
// that stays correct as the window slides: a single peak would, once 30 days old, leave no
// trace of the next-highest count after it. At most 31 entries a collection.

export const WINDOW_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A live count, and the moment the mirror held it (what "export the copy from before" exports). */
export interface LiveMark {
  live: number;
  at: number;
}

const dayOf = (at: number): number => Math.floor(at / DAY_MS);

/** The highest count seen in the window ending at `now` (the latest moment among equals), or null. */
export function windowHigh(highs: readonly LiveMark[], now: number): LiveMark | null {
  let best: LiveMark | null = null;
  for (const mark of highs) {
    if (dayOf(now) - dayOf(mark.at) > WINDOW_DAYS) continue;
    if (!best || mark.live > best.live || (mark.live === best.live && mark.at > best.at)) best = mark;
  }
  return best;
}

/** The highs with `mark` recorded in its day's entry, and days out of the window dropped. */
export function recordLive(highs: readonly LiveMark[], mark: LiveMark): LiveMark[] {
  const kept = highs.filter((entry) => dayOf(mark.at) - dayOf(entry.at) <= WINDOW_DAYS);
  const today = kept.findIndex((entry) => dayOf(entry.at) === dayOf(mark.at));
  if (today === -1) return [...kept, mark].sort((a, b) => a.at - b.at);
  if (kept[today]!.live <= mark.live) kept[today] = mark;
  return kept;
}
