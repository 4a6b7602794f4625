// Where an account's collections live, found once by discovery (providers/dav/discover.ts) and
// remembered on the account so that later runs list the homes directly.
export interface Discovery {
  /** Home sets to list with Depth 1. */
  homes: string[];
  /** The entered URL when it is itself a collection of the wanted kind. */
  collections: string[];
  /**
   * True when no server property named the homes and the entered URL is only assumed to be
   * one: finding nothing there then means "not a CardDAV/CalDAV URL", not "no collections yet".
   */
  guessed: boolean;
  /**
   * True when every collection of the last listing carried a sync token and offered
   * sync-collection: the next listing then asks no ctag, which a server such as Radicale
   * computes over every item of every collection, as it does the token (RFC 6578 §4).
   */
  tokensOnly?: boolean;
}
