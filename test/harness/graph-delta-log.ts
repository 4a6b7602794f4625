// The Graph test server's record of changes, and the delta rounds built from it, as
// https://learn.microsoft.com/en-us/graph/delta-query-overview documents them: the first round
// (no token) lists every entry; its last page carries @odata.deltaLink, and the next round from
// that link brings only the entries changed since, a deleted one as {"id", "@removed":
// {"reason": "deleted"}}; the pages of a round are linked by @odata.nextLink; a delta link older
// than `expire()` answers 410 Gone with "resyncRequired" (same page, "Synchronization reset").
// Contacts (one scope per folder) and events (one per calendar) share it.

export interface DeltaAnswer {
  status: number;
  body: unknown;
}

export interface DeltaLog {
  /** Something in `scope` changed (added, changed or deleted): its id comes in the next round. */
  record(scope: string, id: string): void;
  /** Every delta link handed out so far answers 410 from now on. */
  expire(): void;
  /**
   * One page of a round at `base` (the delta function's URL). `entries(since)` gives the
   * round's entries: all of them when `since` is null, else those of the ids changed after it.
   */
  page(base: string, query: URLSearchParams, pageSize: number, entries: (changedIds: string[] | null) => unknown[], scope: string): DeltaAnswer;
}

export function createDeltaLog(): DeltaLog {
  const changes: Array<{ seq: number; scope: string; id: string }> = [];
  let seq = 0;
  let expiredBefore = 0;
  const changedSince = (scope: string, since: number) => [...new Set(changes.filter((c) => c.scope === scope && c.seq > since).map((c) => c.id))];

  return {
    record(scope, id) {
      seq++;
      changes.push({ seq, scope, id });
    },
    expire: () => void (expiredBefore = seq + 1),
    page(base, query, pageSize, entries, scope) {
      const token = query.get('$deltatoken');
      if (token !== null && Number(token) < expiredBefore) return { status: 410, body: { error: { code: 'SyncStateNotFound', message: 'resyncRequired' } } };
      // A skip token carries the round's start (its delta token, or "full") and the offset.
      const skip = query.get('$skiptoken')?.split(':');
      const start = skip ? skip[0] : (token ?? 'full');
      const offset = skip ? Number(skip[1]) : 0;
      const all = entries(start === 'full' ? null : changedSince(scope, Number(start)));
      const more = offset + pageSize < all.length;
      const link = more ? { '@odata.nextLink': `${base}?$skiptoken=${start}:${offset + pageSize}` } : { '@odata.deltaLink': `${base}?$deltatoken=${seq}` };
      return { status: 200, body: { value: all.slice(offset, offset + pageSize), ...link } };
    },
  };
}
