// A calendar feed on loopback whose contents a test changes, served the way static hosts and
// calendar services serve .ics files: an ETag and a Last-Modified on every answer, 304 Not
// Modified when the client's If-None-Match matches (RFC 9110 §13.1.2) or, without one, when
// If-Modified-Since is not older than the last change (§13.1.3).
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { LOOPBACK, listenOnLoopback } from './free-port';

export interface FeedServer {
  /** The feed's address (http://127.0.0.1:port/<path>). */
  url: string;
  /** Replaces what the feed serves; its validators change with it. */
  setFeed(text: string): void;
  /** Statuses answered, in order. */
  statuses: number[];
  /** Conditional headers received, in order. */
  conditionals: Array<{ ifNoneMatch: string | null; ifModifiedSince: string | null }>;
  stop(): Promise<void>;
}

/** Wraps VEVENT blocks (each a string of CRLF lines) into one feed, with one VTIMEZONE-free header. */
export function feedOf(events: string[], name = 'Team calendar'): string {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Lifeboat//Feed test//EN', 'METHOD:PUBLISH', `X-WR-CALNAME:${name}`, ...events, 'END:VCALENDAR', ''].join('\r\n');
}

export function feedEvent(index: number, summary = `Meeting ${index}`): string {
  const day = String((index % 28) + 1).padStart(2, '0');
  return [`BEGIN:VEVENT`, `UID:feed-event-${index}@example.com`, 'DTSTAMP:20250101T000000Z', `DTSTART:202504${day}T090000Z`, `DTEND:202504${day}T100000Z`, `SUMMARY:${summary}`, 'END:VEVENT'].join('\r\n');
}

export async function startFeedServer(path = '/calendars/private-secret/basic.ics', initial = feedOf([])): Promise<FeedServer> {
  let text = initial;
  let etag = '';
  let modified = new Date();
  const setFeed = (next: string): void => {
    text = next;
    etag = `"${createHash('sha256').update(next).digest('hex').slice(0, 16)}"`;
    // HTTP dates have whole seconds: a change in the same second as the previous one must not be hidden.
    modified = new Date(Math.max(Date.now(), modified.getTime() + 1000));
  };
  setFeed(initial);
  const statuses: number[] = [];
  const conditionals: FeedServer['conditionals'] = [];
  const server: Server = createServer((req, res) => {
    const ifNoneMatch = req.headers['if-none-match'] ?? null;
    const ifModifiedSince = req.headers['if-modified-since'] ?? null;
    conditionals.push({ ifNoneMatch, ifModifiedSince });
    const lastModified = new Date(Math.floor(modified.getTime() / 1000) * 1000);
    const fresh = ifNoneMatch !== null ? ifNoneMatch === etag : ifModifiedSince !== null && Date.parse(ifModifiedSince) >= lastModified.getTime();
    const status = req.url !== path ? 404 : fresh ? 304 : 200;
    statuses.push(status);
    const headers = { ETag: etag, 'Last-Modified': lastModified.toUTCString() };
    if (status === 200) res.writeHead(200, { ...headers, 'Content-Type': 'text/calendar; charset=utf-8' }).end(text);
    else res.writeHead(status, status === 304 ? headers : {}).end();
  });
  const port = await listenOnLoopback(server);
  return {
    url: `http://${LOOPBACK}:${port}${path}`,
    setFeed,
    statuses,
    conditionals,
    stop: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}
