// How long each step of building and saving a file took, as User Timing measures
// (https://w3c.github.io/user-timing/#measure-method) named "lifeboat:<phase>", readable from
// the DevTools protocol in the worker and the offscreen document: the export figures are split
// by phase without a profiler. Only the latest measure of each name is kept, so nothing piles up.

/** Records the time since `start` (a performance.now() reading) as the measure of `phase`. */
export function measurePhase(phase: string, start: number): void {
  const name = `lifeboat:${phase}`;
  performance.clearMeasures(name);
  performance.measure(name, { start, end: performance.now() });
}

/** Runs `step` and records how long it took, resolved or not. */
export async function timedPhase<T>(phase: string, step: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await step();
  } finally {
    measurePhase(phase, start);
  }
}

/**
 * Marks a moment of the first mirror's path (add account → discovery → run → listing → each
 * batch stored → end), as a User Timing mark "lifeboat:<moment>": the side-by-side's trace reads
 * them from the worker to say where the time goes. A moment that repeats (each batch) keeps its
 * earlier marks until `clearMoments`, which a run calls as it starts, so they never pile up.
 */
export function markMoment(moment: string): void {
  performance.mark(`lifeboat:${moment}`);
}

/** Forgets the marks of `moments` (the previous run's batches). */
export function clearMoments(moments: readonly string[]): void {
  for (const moment of moments) performance.clearMarks(`lifeboat:${moment}`);
}

/** Forgets the measures of `phases`: a click that skipped them must not show an earlier click's. */
export function forgetPhases(phases: readonly string[]): void {
  for (const phase of phases) performance.clearMeasures(`lifeboat:${phase}`);
}
