// A feed is one VCALENDAR; the mirror holds one calendar object per UID (RFC 4791 §4.1), as
// an import does, so calendars/split-calendar.ts cuts it. Each object gets a stable address from
// its UID and an ETag from its text: an object whose text changes is a new version, one that
// leaves the feed is marked deleted upstream.
import { sha256Hex } from '../../hash/sha256';
import { splitCalendar } from '../../calendars/split-calendar';
import { unfoldLines } from '../../shared/unfold-content-lines';
import type { RemoteItem } from '../../model/source';

/** The first UID line's value: the main component's (split-calendar puts VTIMEZONEs, which have none, first). */
function uidOf(text: string): string | null {
  for (const line of unfoldLines(text)) {
    const uid = /^UID(?:;[^:]*)?:(.*)$/i.exec(line)?.[1]?.trim();
    if (uid) return uid;
  }
  return null;
}

export interface FeedItems {
  items: RemoteItem[];
  /** Set when the feed was cut off: its last objects missing, not deleted. */
  truncated: boolean;
  /** What the splitter could not cut out cleanly (split-calendar.ts), in words for a person. */
  problems: string[];
}

export async function feedItems(body: string, base: string): Promise<FeedItems> {
  const { items, problems } = splitCalendar(body);
  const byHref = new Map<string, RemoteItem>();
  for (const data of items) {
    const hash = await sha256Hex(new TextEncoder().encode(data));
    const uid = uidOf(data);
    // An object without a UID (RFC 5545 requires one) is known by its text alone.
    const href = `${base}#${uid === null ? `sha256-${hash}` : encodeURIComponent(uid)}`;
    if (!byHref.has(href)) byHref.set(href, { href, etag: `"${hash}"`, data });
  }
  return { items: [...byHref.values()], truncated: problems.some((p) => p.includes('missing END')), problems };
}
