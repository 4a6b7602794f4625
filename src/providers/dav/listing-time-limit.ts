// How long a request may take whose answer the server works out over every member of a
// collection before it sends anything: a sync-collection REPORT (RFC 6578), and a PROPFIND asking
// a sync token or ctag (a collection's member listing asks them too). That work grows faster than
// the collection: Radicale 3.1 answers the empty-token listing of 10,000 tasks in 2.1 s but of
// 100,000 contacts in 87.5 s alone and 149 s beside two other listings (docs/BENCHMARKS.md, "The
// 100,000-contact point"). Under the ordinary one-minute limit such a collection could never be
// mirrored; ten times that limit still ends a server that stalls.
import type { HttpContext } from '../../http/http-context';

export const LISTING_TIME_FACTOR = 10;

/** The properties a server computes over every member: wanted only to compare with a cursor. */
export const CHANGE_MARKS: ReadonlySet<string> = new Set(['D:sync-token', 'CS:getctag']);

/** The time limit of one listing request: ten times the context's (10 minutes by default). */
export function listingTimeoutMs(ctx: HttpContext): number {
  return ctx.timeoutMs * LISTING_TIME_FACTOR;
}
