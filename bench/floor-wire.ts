// The protocol floor's wire: a plain HTTP request that reads the whole body, and a scan of a
// multistatus for the few values a client cannot do without (hrefs, ETags, tokens). Regular
// expressions, no XML parser: the floor is the least work any client must do, so every
// millisecond Lifeboat spends above it is its own parsing, checking and storing.
import { XMLNS } from '../src/providers/dav/dav-kind';

export interface Wire {
  authorization: string;
  requests: number;
  bytes: number;
}

export function openWire(username: string, password: string): Wire {
  return { authorization: `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`, requests: 0, bytes: 0 };
}

/** Sends one DAV request and returns the body as text (a 207 is expected). */
export async function send(wire: Wire, method: string, url: string, depth: '0' | '1' | undefined, body: string): Promise<string> {
  const headers: Record<string, string> = { Authorization: wire.authorization, 'Content-Type': 'application/xml; charset=utf-8' };
  if (depth !== undefined) headers.Depth = depth;
  const response = await fetch(url, { method, headers, body });
  const text = await response.text();
  wire.requests++;
  wire.bytes += Buffer.byteLength(text);
  if (response.status !== 207) throw new Error(`${method} ${url}: ${response.status}`);
  return text;
}

export function propfindBody(properties: string[]): string {
  return `<?xml version="1.0" encoding="utf-8"?><D:propfind ${XMLNS}><D:prop>${properties.map((p) => `<${p}/>`).join('')}</D:prop></D:propfind>`;
}

export interface ScannedResponse {
  href: string;
  /** The response's text, to look for more values in. */
  text: string;
}

const RESPONSE = /<(?:[\w-]+:)?response[\s>]([\s\S]*?)<\/(?:[\w-]+:)?response>/g;
const HREF = /<(?:[\w-]+:)?href>([^<]*)<\/(?:[\w-]+:)?href>/;

/** Each `<response>` of a multistatus, with its first href made absolute. */
export function scanResponses(body: string, base: string): ScannedResponse[] {
  const found: ScannedResponse[] = [];
  for (const match of body.matchAll(RESPONSE)) {
    const text = match[1] ?? '';
    const href = HREF.exec(text)?.[1];
    if (href !== undefined) found.push({ href: new URL(href, base).href, text });
  }
  return found;
}

/** The text of element `name` (any prefix) in `text`, or undefined. */
export function elementText(text: string, name: string): string | undefined {
  return new RegExp(`<(?:[\\w-]+:)?${name}>([^<]*)</(?:[\\w-]+:)?${name}>`).exec(text)?.[1];
}

/** The first href inside element `name`, made absolute. */
export function hrefInside(body: string, name: string, base: string): string | undefined {
  const inner = new RegExp(`<(?:[\\w-]+:)?${name}>([\\s\\S]*?)</(?:[\\w-]+:)?${name}>`).exec(body)?.[1];
  const href = inner === undefined ? undefined : HREF.exec(inner)?.[1];
  return href === undefined ? undefined : new URL(href, base).href;
}
