// What a server serves, read by the test itself (plain GET, not the extension), and the plain
// text checks of the browser fidelity drill: a card's unfolded lines, its photos' bytes, and
// whether an export holds a card line for line. The judge of properties is judge_items.py.
import type { Placement } from '../corpus/serve-corpus';

export interface ServedItem {
  placement: Placement;
  /** The text the server answers a GET with. */
  text: string;
}

/** RFC 6350 §3.2 / RFC 5545 §3.1: a CRLF (or LF) followed by one space or tab is removed. */
export function unfoldLines(text: string): string[] {
  return text
    .replace(/\r?\n[ \t]/g, '')
    .split(/\r?\n/)
    .filter((line) => line !== '');
}

/**
 * GETs every placed item. `cardAccept` asks for a vCard version (Cyrus converts 4.0 cards to
 * 3.0 when asked without one; the extension asks for 4.0, and the reference must be what it got).
 */
export async function fetchServed(placed: Placement[], auth: { username: string; password: string }, cardAccept?: string): Promise<ServedItem[]> {
  const authorization = `Basic ${Buffer.from(`${auth.username}:${auth.password}`, 'utf8').toString('base64')}`;
  const served: ServedItem[] = [];
  for (const placement of placed) {
    const accept: Record<string, string> = placement.item.kind === 'vcard' && cardAccept ? { Accept: cardAccept } : {};
    const response = await fetch(placement.url, { headers: { Authorization: authorization, ...accept } });
    if (!response.ok) throw new Error(`GET ${placement.url}: ${response.status}`);
    served.push({ placement, text: await response.text() });
  }
  return served;
}

/** The value of a card's or component's first line named `name`, unfolded. */
export function firstValue(text: string, name: string): string | undefined {
  const pattern = new RegExp(`^(?:[\\w-]+\\.)?${name}(?:;[^:]*)?:(.*)$`, 'i');
  for (const line of unfoldLines(text)) {
    const match = pattern.exec(line);
    if (match) return match[1];
  }
  return undefined;
}

/** Every VCARD block of an export file, as its unfolded lines. */
export function cardBlocks(file: string): string[][] {
  const blocks: string[][] = [];
  let current: string[] | null = null;
  for (const line of unfoldLines(file)) {
    if (/^BEGIN:VCARD$/i.test(line)) current = [];
    current?.push(line);
    if (/^END:VCARD$/i.test(line) && current) {
      blocks.push(current);
      current = null;
    }
  }
  return blocks;
}

/** The export's cards whose UID is the served card's. */
export function cardsWithUid(blocks: string[][], uid: string): string[][] {
  return blocks.filter((lines) => lines.some((line) => /^(?:[\w-]+\.)?UID(?:;[^:]*)?:/i.test(line) && line.slice(line.indexOf(':') + 1) === uid));
}

/** Exact, line endings and folding aside: the same unfolded lines in the same order. */
export function sameLines(served: string, exported: string[]): boolean {
  const own = unfoldLines(served);
  return own.length === exported.length && own.every((line, i) => line === exported[i]);
}

/**
 * The bytes of each PHOTO (and LOGO) a card carries inline, in order: a 4.0 `data:` URI or a 3.0
 * `ENCODING=b` value, decoded. A URL photo carries no bytes and is left out.
 */
export function inlinePhotos(lines: string[]): Buffer[] {
  const photos: Buffer[] = [];
  for (const line of lines) {
    const match = /^(?:[\w-]+\.)?(PHOTO|LOGO)((?:;[^:]*)?):(.*)$/i.exec(line);
    if (!match) continue;
    const params = match[2]!.toUpperCase();
    const value = match[3]!;
    const dataUri = /^data:[^,]*;base64,(.*)$/i.exec(value);
    if (dataUri) photos.push(Buffer.from(dataUri[1]!, 'base64'));
    else if (/ENCODING=(B|BASE64)/.test(params)) photos.push(Buffer.from(value, 'base64'));
  }
  return photos;
}

const MULTIGET = {
  vcard: { ns: 'urn:ietf:params:xml:ns:carddav', report: 'addressbook-multiget', data: 'address-data' },
  ical: { ns: 'urn:ietf:params:xml:ns:caldav', report: 'calendar-multiget', data: 'calendar-data' },
} as const;

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function xmlText(text: string): string {
  return text
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, cdata: string) => cdata.replace(/&/g, '&amp;').replace(/</g, '&lt;'))
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) =>
      name.startsWith('#x') || name.startsWith('#X') ? String.fromCodePoint(parseInt(name.slice(2), 16))
        : name.startsWith('#') ? String.fromCodePoint(Number(name.slice(1))) : XML_ENTITIES[name] ?? whole);
}

/**
 * The item as a multiget REPORT serves it (RFC 6352 §8.7, RFC 4791 §7.9), which is how a sync
 * client reads it: Cyrus re-serialises calendar data there (two CATEGORIES lines become one)
 * while GET answers with the stored text. `version` asks for a vCard version.
 */
export async function fetchByReport(placement: Placement, auth: { username: string; password: string }, version?: string): Promise<string> {
  const m = MULTIGET[placement.item.kind];
  const href = new URL(placement.url).pathname;
  const data = version && placement.item.kind === 'vcard' ? `<c:${m.data} content-type="text/vcard" version="${version}"/>` : `<c:${m.data}/>`;
  const body = `<?xml version="1.0" encoding="utf-8"?><c:${m.report} xmlns:d="DAV:" xmlns:c="${m.ns}"><d:prop><d:getetag/>${data}</d:prop><d:href>${href}</d:href></c:${m.report}>`;
  const authorization = `Basic ${Buffer.from(`${auth.username}:${auth.password}`, 'utf8').toString('base64')}`;
  const collection = placement.url.slice(0, placement.url.lastIndexOf('/') + 1);
  const response = await fetch(collection, { method: 'REPORT', headers: { Authorization: authorization, Depth: '1', 'Content-Type': 'application/xml; charset=utf-8' }, body });
  const xml = await response.text();
  const match = new RegExp(`<(?:[\\w.-]+:)?${m.data}[^>]*>([\\s\\S]*?)</(?:[\\w.-]+:)?${m.data}>`).exec(xml);
  if (response.status !== 207 || !match) throw new Error(`REPORT ${placement.url}: ${response.status}\n${xml.slice(0, 300)}`);
  return xmlText(match[1]!);
}
