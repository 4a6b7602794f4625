// The anchors of patience diff: lines found exactly once in each text, kept where their order
// agrees in both (the longest increasing run of their positions). Cutting two texts at these
// lines splits one diff too large to search exactly into hunks each small enough.

/** Pairs [index in a, index in b], increasing in both. */
export function patienceAnchors(a: readonly string[], b: readonly string[]): Array<[number, number]> {
  const once = (lines: readonly string[]): Map<string, number> => {
    const seen = new Map<string, number>();
    lines.forEach((line, index) => seen.set(line, seen.has(line) ? -1 : index));
    return seen;
  };
  const inA = once(a);
  const inB = once(b);
  const pairs: Array<[number, number]> = [];
  for (const [line, ai] of inA) {
    const bj = inB.get(line);
    if (ai >= 0 && bj !== undefined && bj >= 0) pairs.push([ai, bj]);
  }
  pairs.sort((p, q) => p[0] - q[0]);
  return longestIncreasing(pairs);
}

/** The longest subsequence of pairs whose second members increase (patience sorting, O(n log n)). */
function longestIncreasing(pairs: ReadonlyArray<[number, number]>): Array<[number, number]> {
  const tops: number[] = []; // index into pairs of the smallest tail of each length
  const back: number[] = new Array<number>(pairs.length).fill(-1);
  pairs.forEach(([, bj], index) => {
    let low = 0;
    let high = tops.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (pairs[tops[mid]!]![1] < bj) low = mid + 1;
      else high = mid;
    }
    if (low > 0) back[index] = tops[low - 1]!;
    tops[low] = index;
  });
  const out: Array<[number, number]> = [];
  for (let at = tops.length > 0 ? tops[tops.length - 1]! : -1; at >= 0; at = back[at]!) out.push(pairs[at]!);
  return out.reverse();
}
