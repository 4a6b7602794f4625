// Runs tasks a few at a time: the collections of one account are mirrored side by side, so a
// large address book and a large calendar share the wire instead of waiting for each other.
// A task whose error `stops` says ends the run lets those already started finish (their
// writes and checkpoints stay consistent) and starts no new one; that error is then thrown.

export async function runBounded<T>(
  items: readonly T[],
  atOnce: number,
  task: (item: T, index: number) => Promise<void>,
  stops: (error: unknown) => boolean,
): Promise<void> {
  let next = 0;
  let stopped: { error: unknown } | null = null;
  const worker = async (): Promise<void> => {
    while (stopped === null && next < items.length) {
      const index = next++;
      try {
        await task(items[index]!, index);
      } catch (error) {
        if (!stops(error)) throw error;
        stopped ??= { error };
      }
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(atOnce, items.length)) }, () => worker());
  await Promise.all(workers);
  if (stopped !== null) throw (stopped as { error: unknown }).error;
}
