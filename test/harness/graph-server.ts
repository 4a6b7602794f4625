// Microsoft Graph on loopback, as documented, for the contacts and calendars sources:
// - bearer tokens only, 401 otherwise (https://learn.microsoft.com/en-us/graph/auth/auth-concepts);
// - GET /v1.0/me/contactFolders (the folders under the default one) and
//   /v1.0/me/contactFolders/{id}/childFolders (each folder's subfolders,
//   https://learn.microsoft.com/en-us/graph/api/contactfolder-list-childfolders), paged;
// - the delta functions /v1.0/me/contacts/delta and /v1.0/me/contactFolders/{id}/contacts/delta
//   for any folder, however deep (https://learn.microsoft.com/en-us/graph/api/contact-delta),
//   with rounds, @removed entries and 410 as in graph-delta-log.ts;
// - calendars and their events, listed and by delta: graph-calendar-routes.ts;
// - `throttle(n)` answers the next n requests 429 with Retry-After: 1
//   (https://learn.microsoft.com/en-us/graph/throttling).
import { createServer, type Server, type ServerResponse } from 'node:http';
import { LOOPBACK, listenOnLoopback } from './free-port';
import { createCalendarRoutes, type GraphCalendarsApi } from './graph-calendar-routes';
import { createDeltaLog } from './graph-delta-log';
import { sendListPage, type GraphRequest, type GraphRoute } from './graph-route';

export type Contact = { id: string; changeKey?: string } & Record<string, unknown>;

export interface GraphTestServer extends GraphCalendarsApi {
  url: string;
  graphUrl: string;
  /**
   * Folder id → display name; '' is the default folder (/me/contacts). `parent`: the folder it
   * sits in; without one it is listed by /me/contactFolders.
   */
  addFolder(id: string, displayName: string, parent?: string): void;
  put(folder: string, contact: Contact): void;
  remove(folder: string, id: string): void;
  expireDeltaLinks(): void;
  throttle(requests: number): void;
  /** Requests answered, as "<status> <path>". */
  log: string[];
  stop(): Promise<void>;
}

interface Folder {
  displayName: string;
  parent: string | null;
  contacts: Map<string, Contact>;
}

export async function startGraphServer(isValidToken: (token: string) => boolean, pageSize = 3): Promise<GraphTestServer> {
  const folders = new Map<string, Folder>([['', { displayName: 'Contacts', parent: null, contacts: new Map() }]]);
  const deltaLog = createDeltaLog();
  const calendars = createCalendarRoutes(deltaLog);
  let changeKeys = 0;
  let throttled = 0;
  const log: string[] = [];
  let root = '';

  const reply = (res: ServerResponse, path: string, status: number, body: unknown, headers: Record<string, string> = {}) => {
    log.push(`${status} ${path}`);
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(JSON.stringify(body));
  };

  const folderList = (parent: string | null) => [...folders].filter(([id, f]) => id !== '' && f.parent === parent).map(([id, f]) => ({ id, displayName: f.displayName }));

  function contactDelta(req: GraphRequest, folder: string): void {
    const contacts = folders.get(folder)!.contacts;
    const entries = (changed: string[] | null) => (changed === null ? [...contacts.values()] : changed.map((id) => contacts.get(id) ?? { id, '@removed': { reason: 'deleted' } }));
    const answer = deltaLog.page(`${root}${req.path.slice(1)}`, req.query, pageSize, entries, `folder:${folder}`);
    req.send(answer.status, answer.body);
  }

  const contactRoutes: GraphRoute = (req) => {
    const children = /^\/v1\.0\/me\/contactFolders\/([^/]+)\/childFolders$/.exec(req.path);
    const parent = children ? decodeURIComponent(children[1]!) : null;
    const folderDelta = /^\/v1\.0\/me\/contactFolders\/([^/]+)\/contacts\/delta$/.exec(req.path);
    const folder = req.path === '/v1.0/me/contacts/delta' ? '' : folderDelta ? decodeURIComponent(folderDelta[1]!) : null;
    const one = /^\/v1\.0\/me\/contacts\/([^/]+)$/.exec(req.path);
    const found = one ? [...folders.values()].map((f) => f.contacts.get(decodeURIComponent(one[1]!))).find(Boolean) : undefined;
    if (req.path === '/v1.0/me/contactFolders') sendListPage(req, folderList(''));
    else if (parent !== null && folders.has(parent)) sendListPage(req, folderList(parent));
    else if (folder !== null && folders.has(folder)) contactDelta(req, folder);
    else if (found) req.send(200, found);
    else return false;
    return true;
  };
  const routes = [contactRoutes, calendars.route];

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!token || !isValidToken(token)) return reply(res, path, 401, { error: { code: 'InvalidAuthenticationToken' } });
    if (throttled > 0) {
      throttled--;
      return reply(res, path, 429, { error: { code: 'TooManyRequests' } }, { 'Retry-After': '1' });
    }
    const request: GraphRequest = { path, query: url.searchParams, root, pageSize, send: (status, body) => reply(res, path, status, body) };
    if (!routes.some((route) => route(request))) reply(res, path, 404, { error: { code: 'ErrorItemNotFound' } });
  });
  root = `http://${LOOPBACK}:${await listenOnLoopback(server)}/`;
  return {
    url: root,
    graphUrl: `${root}v1.0/`,
    addFolder: (id, displayName, parent = '') => void folders.set(id, { displayName, parent, contacts: new Map() }),
    put(folder, contact) {
      folders.get(folder)!.contacts.set(contact.id, { ...contact, changeKey: `ck-${++changeKeys}` });
      deltaLog.record(`folder:${folder}`, contact.id);
    },
    remove(folder, id) {
      folders.get(folder)!.contacts.delete(id);
      deltaLog.record(`folder:${folder}`, id);
    },
    ...calendars.api,
    expireDeltaLinks: () => deltaLog.expire(),
    throttle: (requests) => void (throttled = requests),
    log,
    stop: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}
