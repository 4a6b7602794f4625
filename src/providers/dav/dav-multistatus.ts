// RFC 4918 §13 multistatus, flattened: one entry per DAV:response, with the properties that
// came back 200 and the status of those that did not.
import { splitResponses } from './multistatus-chunks';
import { absoluteHref } from './dav-href';
import { child, children, parseXml, textOf, type XmlElement, type XmlValue } from './dav-xml';

export interface DavEntry {
  /** Absolute, normalised (see dav-href.ts). */
  href: string;
  /** Status of the whole response (RFC 4918 §14.24), e.g. 404 for a removed member. */
  status?: number;
  /** The status line as sent, for failure messages. */
  statusText?: string;
  /** Properties from 200 propstats, by local name. */
  props: XmlElement;
  /** Properties from other propstats: local name → status (e.g. 404 for not supported). */
  failed: Record<string, number>;
}

export interface Multistatus {
  entries: DavEntry[];
  /** RFC 6578 §6.4: the new token, a child of multistatus in sync-collection answers. */
  syncToken?: string;
}

/** "HTTP/1.1 404 Not Found" → 404. */
export function parseStatusLine(line: string): number | undefined {
  const match = /^\s*HTTP\/\d(?:\.\d)?\s+(\d{3})/i.exec(line);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

function parseEntry(response: XmlValue, baseUrl: string): DavEntry | undefined {
  // RFC 4918 §14.24 allows several hrefs with one status; each is its own entry then.
  const href = textOf(child(response, 'href'));
  if (href.trim() === '') return undefined;
  const entry: DavEntry = { href: absoluteHref(href, baseUrl), props: {}, failed: {} };
  const statusLine = child(response, 'status');
  if (statusLine !== undefined) {
    entry.statusText = textOf(statusLine).trim();
    entry.status = parseStatusLine(entry.statusText);
  }
  for (const propstat of children(response, 'propstat')) {
    const status = parseStatusLine(textOf(child(propstat, 'status'))) ?? 200;
    for (const prop of children(propstat, 'prop')) {
      if (typeof prop === 'string') continue;
      for (const [name, value] of Object.entries(prop)) {
        if (name === '#text') continue;
        if (status >= 200 && status < 300) entry.props[name] = value;
        else entry.failed[name] = status;
      }
    }
  }
  return entry;
}

function expandHrefs(response: XmlValue): XmlValue[] {
  const hrefs = children(response, 'href');
  if (hrefs.length <= 1 || typeof response === 'string') return [response];
  return hrefs.map((href) => ({ ...response, href }));
}

/** Responses per chunk of a long answer (multistatus-chunks.ts). */
const RESPONSES_PER_CHUNK = 500;

/** Parses a 207 body; undefined when it is not a DAV:multistatus at all. */
export function parseMultistatus(body: string, baseUrl: string): Multistatus | undefined {
  const chunks = splitResponses(body, RESPONSES_PER_CHUNK);
  return (chunks && parseChunks(chunks, baseUrl)) ?? parseWhole(body, baseUrl);
}

/** The chunks' entries in order, and the first sync token, as the whole answer's parse gives them; null if one does not parse. */
function parseChunks(chunks: Iterable<string>, baseUrl: string): Multistatus | null {
  const result: Multistatus = { entries: [] };
  for (const chunk of chunks) {
    const part = parseWhole(chunk, baseUrl);
    if (part === undefined) return null;
    for (const entry of part.entries) result.entries.push(entry);
    if (result.syncToken === undefined && part.syncToken !== undefined) result.syncToken = part.syncToken;
  }
  return result;
}

function parseWhole(body: string, baseUrl: string): Multistatus | undefined {
  let root: XmlElement;
  try {
    root = parseXml(body);
  } catch {
    return undefined;
  }
  const multistatus = child(root, 'multistatus');
  if (multistatus === undefined) return undefined;
  const entries: DavEntry[] = [];
  for (const response of children(multistatus, 'response')) {
    for (const single of expandHrefs(response)) {
      const entry = parseEntry(single, baseUrl);
      if (entry) entries.push(entry);
    }
  }
  const token = child(multistatus, 'sync-token');
  const result: Multistatus = { entries };
  if (token !== undefined) result.syncToken = textOf(token).trim();
  return result;
}

/** The text of a 200 property, trimmed (for tokens, etags, names; never for item data). */
export function propText(entry: DavEntry, name: string): string | undefined {
  const value = entry.props[name];
  if (value === undefined || Array.isArray(value)) return undefined;
  const text = textOf(value).trim();
  return text === '' ? undefined : text;
}

/** The href inside a property such as current-user-principal or addressbook-home-set. */
export function propHrefs(entry: DavEntry, name: string, baseUrl: string): string[] {
  const value = entry.props[name];
  const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return list
    .flatMap((v) => children(v, 'href'))
    .map((h) => textOf(h).trim())
    .filter((h) => h !== '')
    .map((h) => absoluteHref(h, baseUrl));
}
