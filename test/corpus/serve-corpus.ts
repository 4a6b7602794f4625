// Puts the corpus on a real server with PUT, as a client would, so that an item the server
// refuses is refused with the server's own status and words (Radicale and Cyrus check what they
// are given; a file written into Radicale's storage directly would fail later, on reading, for
// the whole collection). Items go to a collection per source and kind; a UID already used in it
// (the same RFC example in two files) goes to the next one, since a server keeps a UID once per
// collection (RFC 6352 §6.3.2.1 no-uid-conflict, RFC 4791 §5.3.2.1).
import type { CorpusItem } from './corpus-items';

export interface Placement {
  item: CorpusItem;
  collection: string;
  /** Absolute URL of the item on the server. */
  url: string;
}

export interface Refusal {
  id: string;
  status: number;
  /** What the server said, shortened. */
  reason: string;
}

export interface ServedCorpus {
  placed: Placement[];
  refused: Refusal[];
}

/** Collection names per source and kind, with a UID used once in each. */
export function assignCollections(items: CorpusItem[], name: (item: CorpusItem, round: number) => string): Map<CorpusItem, string> {
  const used = new Map<string, Set<string>>();
  const result = new Map<CorpusItem, string>();
  for (const item of items) {
    for (let round = 1; ; round++) {
      const collection = name(item, round);
      const uids = used.get(collection) ?? new Set<string>();
      if (item.uid !== undefined && uids.has(item.uid)) continue;
      if (item.uid !== undefined) uids.add(item.uid);
      used.set(collection, uids);
      result.set(item, collection);
      break;
    }
  }
  return result;
}

/** Text a person can read from an error body: tags dropped, spaces squeezed, 300 characters. */
function reasonOf(body: string): string {
  return body.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 300);
}

/**
 * Radicale answers a refused PUT with a bare "Bad Request" and says why in its log:
 * `Bad PUT request on '/user/coll/item.vcf': VCARD object without UID`.
 */
function loggedReason(log: string, path: string): string | undefined {
  const lines = log.split('\n').filter((l) => l.includes(`'${path}'`));
  const line = lines[lines.length - 1];
  return line === undefined ? undefined : line.slice(line.indexOf(`'${path}'`) + path.length + 2).replace(/^:\s*/, '').trim().slice(0, 300);
}

/**
 * RFC 6352 §5.1: an address object resource's vCard MUST have a UID, and servers refuse one
 * without (Radicale does). Cards exported by Outlook, iPhone or Gmail often have none; a client
 * uploading them adds one, as this does, after BEGIN:VCARD. Calendar objects are left as they
 * are: their UIDs are per component and a missing one is a finding in itself.
 */
export function withUid(item: CorpusItem): Buffer {
  if (item.kind !== 'vcard' || item.uid !== undefined) return item.bytes;
  const text = item.bytes.toString('utf8');
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return Buffer.from(text.replace(/^BEGIN:VCARD\r?\n/i, (begin) => `${begin}UID:lifeboat-corpus-${item.source}-${item.name}${eol}`), 'utf8');
}

export async function putCorpus(params: {
  items: CorpusItem[];
  collectionUrl: (collection: string) => string;
  collectionOf: Map<CorpusItem, string>;
  auth: { username: string; password: string };
  /** The server's log so far, where a server says more than its answer does. */
  serverLog?: () => string;
}): Promise<ServedCorpus> {
  const authorization = `Basic ${Buffer.from(`${params.auth.username}:${params.auth.password}`, 'utf8').toString('base64')}`;
  const placed: Placement[] = [];
  const refused: Refusal[] = [];
  for (const item of params.items) {
    const collection = params.collectionOf.get(item) ?? '';
    const url = new URL(encodeURIComponent(item.name), params.collectionUrl(collection)).href;
    const contentType = item.kind === 'vcard' ? 'text/vcard; charset=utf-8' : 'text/calendar; charset=utf-8';
    const response = await fetch(url, { method: 'PUT', headers: { Authorization: authorization, 'Content-Type': contentType }, body: new Uint8Array(withUid(item)) });
    const body = await response.text();
    if (response.ok) {
      placed.push({ item, collection, url });
      continue;
    }
    const logged = params.serverLog ? loggedReason(params.serverLog(), new URL(url).pathname) : undefined;
    const said = reasonOf(body) || response.statusText;
    refused.push({ id: item.id, status: response.status, reason: logged ? `${said}: ${logged}` : said });
  }
  return { placed, refused };
}
