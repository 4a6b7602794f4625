// Small measuring helpers shared by every part of the benchmark.

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Milliseconds `task` took on this process's clock, with its result. */
export async function timed<T>(task: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await task();
  return { ms: performance.now() - start, result };
}

/** Runs `task` `times` times one after another; the median of what each returns (a duration). */
export async function medianOf(times: number, task: (round: number) => Promise<number>): Promise<{ median: number; runs: number[] }> {
  const runs: number[] = [];
  for (let round = 0; round < times; round++) runs.push(await task(round));
  return { median: median(runs), runs };
}
