// How long a listing of a collection's members may take: a sync-collection REPORT (RFC 6578) or a
// PROPFIND Depth 1. The server works out the whole answer before it sends anything, and its work
// grows faster than the collection: Radicale 3.1 answers the empty-token listing of 10,000 tasks
// in 2.1 s but of 100,000 contacts in 87.5 s alone and 149 s beside two other listings
// (docs/BENCHMARKS.md, "The 100,000-contact point"). Under the ordinary one-minute limit such a
// collection could never be mirrored; ten times that limit still ends a server that stalls.
import type { HttpContext } from '../../http/http-context';

export const LISTING_TIME_FACTOR = 10;

/** The time limit of one listing request: ten times the context's (10 minutes by default). */
export function listingTimeoutMs(ctx: HttpContext): number {
  return ctx.timeoutMs * LISTING_TIME_FACTOR;
}
