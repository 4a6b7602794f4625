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
