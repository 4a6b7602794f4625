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
}
