// What a caller asks of the HTTP layer: one request, described, never sent by itself. Its own
// file because exchange.ts (which reads the answer) and send.ts (which calls fetch) both need it.
import type { BodyKind } from './body-caps';

export interface HttpRequest {
  method: 'PROPFIND' | 'REPORT' | 'GET' | 'OPTIONS' | 'PUT' | 'POST';
  url: string;
  depth?: '0' | '1';
  body?: string;
  /** Default for a body: XML. A PUT sends the item's own media type. */
  contentType?: string;
  /** `*`: create only, never overwrite (RFC 9110 §13.1.2). */
  ifNoneMatch?: '*';
  /** Conditional GET validators (RFC 9110 §13.1): a calendar feed's ETag and Last-Modified. */
  conditional?: { etag?: string; lastModified?: string };
  /** Other headers (Accept, Range, If-Range); never Authorization, which the policy adds. */
  headers?: Record<string, string>;
  /** Which cap applies to the answer; default: multistatus for PROPFIND and REPORT, item otherwise. */
  bodyKind?: BodyKind;
  /** 'none': a request that must carry no credentials at all (a pre-authenticated download address). */
  credentials?: 'account' | 'none';
  /**
   * 'manual': answer a redirect itself (its Location, outside a browser) instead of following it.
   * Writes never follow one (see send.ts).
   */
  redirect?: 'follow' | 'manual';
  /** Replaces the per-request timeout: a long download stops on its own idle timer instead. */
  signal?: AbortSignal;
  /**
   * This request's own time limit in place of the context's, for an answer a server works out in
   * full before it sends a byte (a whole collection's listing: dav/listing-time-limit.ts).
   */
  timeoutMs?: number;
}
