// What a server holds and what a mirror holds, as path → text maps, so tests can say "the mirror
// converged to exactly the server's content". The server side is read with plain PROPFIND and
// GET, not with the client under test, so a bug in the client cannot hide itself.
import type { LifeboatDb } from '../../src/db/schema';
import type { ItemAuth } from './dav-items';
import { itemsOfAccount } from '../../src/db/account-items';

/** Decoded path of a URL or href: the key both sides share whatever the origin (proxy or not). */
export function itemPath(href: string): string {
  const path = new URL(href, 'http://x/').pathname;
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function authHeader(auth: ItemAuth | undefined): Record<string, string> {
  if (!auth) return {};
  return { Authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password}`, 'utf8').toString('base64')}` };
}

/** Every member of a collection with its text as GET serves it, by decoded path. */
export async function serverTexts(collectionUrl: string, auth?: ItemAuth): Promise<Map<string, string>> {
  const listing = await fetch(collectionUrl, {
    method: 'PROPFIND',
    headers: { ...authHeader(auth), Depth: '1', 'Content-Type': 'application/xml; charset=utf-8' },
    body: '<propfind xmlns="DAV:"><prop><resourcetype/></prop></propfind>',
  });
  const xml = await listing.text();
  if (listing.status !== 207) throw new Error(`PROPFIND ${collectionUrl}: ${listing.status}\n${xml.slice(0, 300)}`);
  const hrefs = [...xml.matchAll(/<(?:[\w.-]+:)?href>([^<]+)<\/(?:[\w.-]+:)?href>/g)].map((m) => m[1]!.trim());
  const members = hrefs.filter((href) => !href.endsWith('/'));
  const texts = new Map<string, string>();
  for (const href of members) {
    const url = new URL(href, collectionUrl).href;
    const response = await fetch(url, { headers: authHeader(auth) });
    if (!response.ok) throw new Error(`GET ${url}: ${response.status}`);
    texts.set(itemPath(url), await response.text());
  }
  return texts;
}

export interface MirrorTexts {
  /** Items the server still has, by decoded path. */
  live: Map<string, string>;
  /** Items marked deleted upstream (kept, never removed), by decoded path. */
  deleted: Map<string, string>;
}

/** The mirror's items of one account, optionally only those under `collectionPath`. */
export async function mirrorTexts(db: LifeboatDb, accountId: string, collectionPath = '/'): Promise<MirrorTexts> {
  const result: MirrorTexts = { live: new Map(), deleted: new Map() };
  const items = await itemsOfAccount(db, accountId);
  for (const item of items) {
    const path = itemPath(item.href);
    if (!path.startsWith(collectionPath)) continue;
    (item.live === 1 ? result.live : result.deleted).set(path, item.raw);
  }
  return result;
}

/** Sorted [path, text] pairs: what `expect(...).toEqual` compares readably. */
export function entries(map: Map<string, string>): Array<[string, string]> {
  return [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
