// Upstream changes for tests: PUT and DELETE single items over HTTP, as another client would.
import type { SeedItem } from './seed-types';

export interface ItemAuth {
  username: string;
  password: string;
}

function authHeader(auth: ItemAuth | undefined): Record<string, string> {
  if (!auth) return {};
  const token = Buffer.from(`${auth.username}:${auth.password}`, 'utf8').toString('base64');
  return { Authorization: `Basic ${token}` };
}

function contentTypeFor(url: string): string {
  return /\.ics$/i.test(new URL(url).pathname) ? 'text/calendar; charset=utf-8' : 'text/vcard; charset=utf-8';
}

async function check(response: Response, what: string): Promise<void> {
  if (response.ok) return;
  const body = await response.text();
  throw new Error(`${what} failed: ${response.status} ${response.statusText}\n${body.slice(0, 500)}`);
}

/** PUTs `data` at `url` (creating or replacing it); resolves to the ETag the server returns. */
export async function putItem(url: string, data: string, auth?: ItemAuth, contentType?: string): Promise<string | undefined> {
  const response = await fetch(url, {
    method: 'PUT',
    headers: { 'Content-Type': contentType ?? contentTypeFor(url), ...authHeader(auth) },
    body: data,
  });
  await check(response, `PUT ${url}`);
  await response.body?.cancel();
  return response.headers.get('etag') ?? undefined;
}

export async function deleteItem(url: string, auth?: ItemAuth): Promise<void> {
  const response = await fetch(url, { method: 'DELETE', headers: authHeader(auth) });
  await check(response, `DELETE ${url}`);
  await response.body?.cancel();
}

/** The server's own bytes for an item (GET), to compare with what a client fetched. */
export async function getItem(url: string, auth?: ItemAuth): Promise<string> {
  const response = await fetch(url, { headers: authHeader(auth) });
  await check(response, `GET ${url}`);
  return response.text();
}

/**
 * PUTs many items into a collection, a few at a time. For servers whose storage cannot be
 * written directly (Xandikos keeps a git repository); Radicale is faster with seedRadicale.
 */
export async function putItems(collectionUrl: string, items: SeedItem[], auth?: ItemAuth, parallel = 8): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++];
      if (item) await putItem(new URL(item.name, collectionUrl).href, item.data, auth);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, parallel) }, worker));
}
