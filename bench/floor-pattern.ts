// How the floor asks for items: multiget batch size and requests in flight. The floor is the
// cheapest pattern the protocol allows, and which batching is cheapest depends on the server
// (Radicale answers one multiget of 10,000 hrefs as fast as 100 of 100; other servers cap a
// request's size or time), so the benchmark measures each candidate once and keeps the fastest.

export interface FloorPattern {
  /** Hrefs per multiget; Infinity: one multiget of all of a collection's hrefs. */
  batch: number;
  /** Requests in flight at once, over all collections. */
  inFlight: number;
  /**
   * The first mirror's sync-collection asks for the item texts too, so no multiget follows
   * (where a collection offers sync-collection): one request per collection, one answer as big
   * as the collection. Cheaper on Radicale, which passes over every item for the listing and
   * again for the multigets; a client that must bound its memory cannot take it whole.
   */
  listingCarriesData?: boolean;
}

export const FLOOR_CANDIDATES: FloorPattern[] = [
  { batch: Infinity, inFlight: 3 },
  { batch: 100, inFlight: 4 },
  { batch: 500, inFlight: 4 },
  { batch: 1000, inFlight: 4 },
];

/** The side-by-side's candidates: the usual batchings, and the texts in the listing itself. */
export const FIRST_MIRROR_CANDIDATES: FloorPattern[] = [...FLOOR_CANDIDATES, { batch: Infinity, inFlight: 1, listingCarriesData: true }];

/** Runs tasks with at most `limit` of them in flight. */
export function limiter(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async (task) => {
    while (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

/** "PROPFIND ×6 + sync-collection ×3 + multiget 21×1000, 4 in flight": the requests one run made. */
export function describeRequests(counts: Map<string, number[]>, inFlight: number): string {
  const parts = [...counts].map(([name, sizes]) => {
    if (sizes.every((s) => s === 0)) return `${name} ×${sizes.length}`;
    const biggest = Math.max(...sizes);
    return `${name} ${sizes.length}×${biggest === Math.min(...sizes) ? biggest : `≤${biggest}`}`;
  });
  return `${parts.join(' + ')}, ${inFlight} in flight`;
}
