// An address book or a calendar of an account, with its sync cursor (the `collections` table).
import type { CollectionKind } from './source';

export interface CollectionRecord {
  /** `${accountId}|${href}` */
  id: string;
  accountId: string;
  kind: CollectionKind;
  href: string;
  displayName: string;
  syncToken: string | null;
  ctag: string | null;
  lastSyncedAt: number | null;
  /** Set when the collection vanished upstream; the mirrored items stay. */
  goneUpstreamAt: number | null;
  /** Whether the user wants this collection mirrored (new collections: yes). */
  enabled: boolean;
  /** Items the last run could not fetch (a failed request, or listed but never sent): fetched again every run, and reported. */
  pendingHrefs: string[];
  /**
   * Items stored as served although the reader refused their text (ItemRecord.unreadable):
   * what the pages count and name without scanning the items. Absent: none.
   */
  unreadableHrefs?: string[];
  /**
   * Address books whose server lists vCard 4.0 in CARDDAV:supported-address-data (RFC 6352
   * §6.2.2): the items were asked for in 4.0, as the server holds them. Refreshed every run.
   */
  vcardVersion?: '4.0';
}
