// A Graph series master (with its exceptionOccurrences and cancelledOccurrences) or single
// event as one mirrored item: one iCalendar object (event-to-ical.ts), whose ETag is the hash of
// its text, since Graph's changeKey of the master alone would miss a changed exception.
import { sha256Hex } from '../../hash/sha256';
import type { RemoteItem } from '../../model/source';
import { seriesToIcal, type GraphEvent } from './event-to-ical';

export type ListedEvent = GraphEvent & { exceptionOccurrences?: GraphEvent[]; cancelledOccurrences?: string[] };

/** "OID.<master id>.2025-04-15" → "2025-04-15". */
const cancelledDate = (occurrenceId: string): string => occurrenceId.slice(-10);

export async function seriesItem(href: string, event: ListedEvent): Promise<RemoteItem> {
  const { exceptionOccurrences, cancelledOccurrences, ...master } = event;
  const cancelled = (Array.isArray(cancelledOccurrences) ? cancelledOccurrences : []).filter((id) => typeof id === 'string').map(cancelledDate);
  const data = seriesToIcal({ master, exceptions: Array.isArray(exceptionOccurrences) ? exceptionOccurrences : [], cancelled });
  return { href, etag: `"${await sha256Hex(new TextEncoder().encode(data))}"`, data };
}
