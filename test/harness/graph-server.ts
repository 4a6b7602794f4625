// Microsoft Graph's contacts API on loopback, as documented, for the contact folders source:
// - bearer tokens only, 401 otherwise (https://learn.microsoft.com/en-us/graph/auth/auth-concepts);
// - GET /v1.0/me/contactFolders and the delta functions /v1.0/me/contacts/delta and
//   /v1.0/me/contactFolders/{id}/contacts/delta (https://learn.microsoft.com/en-us/graph/api/contact-delta);
// - pages of `pageSize` linked by @odata.nextLink; the last page of a round carries
//   @odata.deltaLink, which the next round starts from and which brings only the changes, a
//   deleted contact as {"id", "@removed": {"reason": "deleted"}}
//   (https://learn.microsoft.com/en-us/graph/delta-query-overview);
// - a delta link older than `expireDeltaLinks()` answers 410 Gone, "resyncRequired" (same page);
// - GET /v1.0/me/calendars and /v1.0/me/calendars/{id}/events: series masters and single
//   events, each master with its exceptionOccurrences and cancelledOccurrences, paged the same
//   way (https://learn.microsoft.com/en-us/graph/api/user-list-events);
// - `throttle(n)` answers the next n requests 429 with Retry-After: 1
//   (https://learn.microsoft.com/en-us/graph/throttling).
import { createServer, type Server, type ServerResponse } from 'node:http';
import { LOOPBACK, listenOnLoopback } from './free-port';

export type Contact = { id: string; changeKey?: string } & Record<string, unknown>;

export interface GraphTestServer {
  url: string;
  graphUrl: string;
  /** Folder id → display name; '' is the default folder (/me/contacts). */
  addFolder(id: string, displayName: string): void;
  put(folder: string, contact: Contact): void;
  remove(folder: string, id: string): void;
  /** Calendar id → its name and events (masters and single events, as the list returns them). */
  setCalendar(id: string, name: string, events: Array<Record<string, unknown>>): void;
  expireDeltaLinks(): void;
  throttle(requests: number): void;
  /** Requests answered, as "<status> <path>". */
  log: string[];
  stop(): Promise<void>;
}

interface Change {
  seq: number;
  folder: string;
  id: string;
}

export async function startGraphServer(isValidToken: (token: string) => boolean, pageSize = 3): Promise<GraphTestServer> {
  const folders = new Map<string, { displayName: string; contacts: Map<string, Contact> }>([['', { displayName: 'Contacts', contacts: new Map() }]]);
  const changes: Change[] = [];
  let seq = 0;
  let expiredBefore = 0;
  let throttled = 0;
  const log: string[] = [];
  let root = '';
  const calendars = new Map<string, { name: string; events: Array<Record<string, unknown>> }>();

  /** Plain pages of a list, linked by @odata.nextLink with an offset skip token. */
  function listPage(res: ServerResponse, path: string, all: unknown[], query: URLSearchParams): void {
    const offset = Number(query.get('$skiptoken') ?? 0);
    const more = offset + pageSize < all.length;
    reply(res, path, 200, { value: all.slice(offset, offset + pageSize), ...(more ? { '@odata.nextLink': `${root}${path.slice(1)}?$skiptoken=${offset + pageSize}` } : {}) });
  }

  const reply = (res: ServerResponse, path: string, status: number, body: unknown, headers: Record<string, string> = {}) => {
    log.push(`${status} ${path}`);
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(JSON.stringify(body));
  };

  /** A round's entries: every contact (no token), or the latest state of each one changed since `since`. */
  function entries(folder: string, since: number | null): unknown[] {
    const contacts = folders.get(folder)!.contacts;
    if (since === null) return [...contacts.values()];
    const ids = [...new Set(changes.filter((c) => c.folder === folder && c.seq > since).map((c) => c.id))];
    return ids.map((id) => contacts.get(id) ?? { id, '@removed': { reason: 'deleted' } });
  }

  function delta(res: ServerResponse, path: string, folder: string, query: URLSearchParams): void {
    const base = `${root}${path.slice(1)}`;
    const token = query.get('$deltatoken');
    const skip = query.get('$skiptoken');
    if (token !== null && Number(token) < expiredBefore) return reply(res, path, 410, { error: { code: 'SyncStateNotFound', message: 'resyncRequired' } });
    // A skip token carries the round's start (its delta token, or "full") and the offset.
    const [since, offset] = skip ? [skip.split(':')[0] === 'full' ? null : Number(skip.split(':')[0]), Number(skip.split(':')[1])] : [token === null ? null : Number(token), 0];
    const all = entries(folder, since);
    const page = all.slice(offset, offset + pageSize);
    const more = offset + pageSize < all.length;
    const link = more ? { '@odata.nextLink': `${base}?$skiptoken=${since ?? 'full'}:${offset + pageSize}` } : { '@odata.deltaLink': `${base}?$deltatoken=${seq}` };
    reply(res, path, 200, { value: page, ...link });
  }

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!token || !isValidToken(token)) return reply(res, path, 401, { error: { code: 'InvalidAuthenticationToken' } });
    if (throttled > 0) {
      throttled--;
      return reply(res, path, 429, { error: { code: 'TooManyRequests' } }, { 'Retry-After': '1' });
    }
    if (path === '/v1.0/me/contactFolders') {
      return reply(res, path, 200, { value: [...folders].filter(([id]) => id !== '').map(([id, f]) => ({ id, displayName: f.displayName })) });
    }
    if (path === '/v1.0/me/calendars') return listPage(res, path, [...calendars].map(([id, c]) => ({ id, name: c.name })), url.searchParams);
    const calendarEvents = /^\/v1\.0\/me\/calendars\/([^/]+)\/events\/?$/.exec(path);
    const calendar = calendarEvents ? calendars.get(decodeURIComponent(calendarEvents[1]!)) : undefined;
    if (calendar) return listPage(res, path, calendar.events, url.searchParams);
    const folderDelta = /^\/v1\.0\/me\/contactFolders\/([^/]+)\/contacts\/delta$/.exec(path);
    if (path === '/v1.0/me/contacts/delta') return delta(res, path, '', url.searchParams);
    if (folderDelta && folders.has(decodeURIComponent(folderDelta[1]!))) return delta(res, path, decodeURIComponent(folderDelta[1]!), url.searchParams);
    const one = /^\/v1\.0\/me\/contacts\/([^/]+)$/.exec(path);
    const found = one ? [...folders.values()].map((f) => f.contacts.get(decodeURIComponent(one[1]!))).find(Boolean) : undefined;
    if (found) return reply(res, path, 200, found);
    reply(res, path, 404, { error: { code: 'ErrorItemNotFound' } });
  });
  root = `http://${LOOPBACK}:${await listenOnLoopback(server)}/`;
  return {
    url: root,
    graphUrl: `${root}v1.0/`,
    addFolder: (id, displayName) => void folders.set(id, { displayName, contacts: new Map() }),
    put(folder, contact) {
      seq++;
      folders.get(folder)!.contacts.set(contact.id, { ...contact, changeKey: `ck-${seq}` });
      changes.push({ seq, folder, id: contact.id });
    },
    remove(folder, id) {
      seq++;
      folders.get(folder)!.contacts.delete(id);
      changes.push({ seq, folder, id });
    },
    setCalendar: (id, name, events) => void calendars.set(id, { name, events }),
    expireDeltaLinks: () => void (expiredBefore = seq + 1),
    throttle: (requests) => void (throttled = requests),
    log,
    stop: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}
