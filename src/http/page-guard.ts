// A listing that follows links or tokens the server hands out (Graph's @odata.nextLink, a delta
// round, RFC 6578 §3.6's truncated sync-collection continued with a new token) ends only when
// the server says so. A server that hands out the same link again, or never stops, would keep
// a run going forever: the guard remembers every link or token of one listing and counts pages.
import { EndlessListingError } from './policy-errors';

/** Pages of one listing: 10,000 pages of Graph's 1,000 items are 10 million items. */
export const DEFAULT_MAX_PAGES = 10_000;

export class PageGuard {
  private readonly seen = new Set<string>();
  private readonly url: string;
  private readonly maxPages: number;

  /** `url`: the listing's address, for the message (only its host is shown). */
  constructor(params: { url: string; maxPages?: number }) {
    this.url = params.url;
    this.maxPages = params.maxPages ?? DEFAULT_MAX_PAGES;
  }

  /** Call before asking for the page behind `link` (a URL or a token); throws on a repeat or past the cap. */
  visit(link: string): void {
    if (this.seen.has(link)) throw new EndlessListingError({ url: this.url, repeated: true, pages: this.seen.size });
    if (this.seen.size >= this.maxPages) throw new EndlessListingError({ url: this.url, repeated: false, pages: this.seen.size });
    this.seen.add(link);
  }
}
