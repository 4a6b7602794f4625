// Microsoft Graph's drive API on loopback, for the OneDrive photo source, as documented:
// - bearer tokens only, 401 otherwise (https://learn.microsoft.com/en-us/graph/auth/auth-concepts);
// - GET /v1.0/me/drive with its driveType (https://learn.microsoft.com/en-us/graph/api/resources/drive);
// - special folders by name, /me/drive/special/{cameraroll|photos}
//   (https://learn.microsoft.com/en-us/graph/api/drive-get-specialfolder), items by path
//   (/me/drive/root:/{path}) and by id, `?select=id,@microsoft.graph.downloadUrl`
//   (https://learn.microsoft.com/en-us/graph/api/driveitem-get);
// - /content answers 302 to a pre-authenticated address on the storage host, another origin
//   (https://learn.microsoft.com/en-us/graph/api/driveitem-get-content; drive-storage-host.ts);
// - delta on a folder (/me/drive/items/{id}/delta, /me/drive/special/{name}/delta) or the root
//   (https://learn.microsoft.com/en-us/graph/api/driveitem-delta): the first round lists the
//   folder and everything under it, later rounds from the @odata.deltaLink bring each changed
//   item once, deleted ones with the `deleted` facet, and the folders on the way to them
//   (parents are left out only on request, the deltaExcludeParent header); pages of `pageSize`
//   linked by @odata.nextLink; a delta link older than `expireDeltaLinks()` answers 410 Gone
//   with a Location that starts a fresh enumeration (same page). A business drive answers delta
//   on its root only ("delta is only supported on the root folder",
//   https://learn.microsoft.com/en-us/onedrive/developer/rest-api/api/driveitem_delta);
// - `throttle(n)` answers the next n requests 429 with Retry-After: 1
//   (https://learn.microsoft.com/en-us/graph/throttling).
import { createServer, type Server, type ServerResponse } from 'node:http';
import { LOOPBACK, listenOnLoopback } from './free-port';
import { DriveTree, type DriveNode, type DriveType } from './drive-tree';
import { startDriveStorageHost, type DriveStorageHost } from './drive-storage-host';

export const SPECIAL_FOLDERS: Record<string, string> = { photos: 'Pictures', cameraroll: 'Pictures/Camera Roll' };

export interface GraphDriveServer {
  graphUrl: string;
  storage: DriveStorageHost;
  tree: DriveTree;
  putFile(path: string, bytes: Uint8Array, options?: { mime?: string; noDownloadUrl?: boolean }): DriveNode;
  remove(path: string): void;
  expireDeltaLinks(): void;
  throttle(requests: number): void;
  /** Graph requests answered, as "<status> <path>[?query]". */
  log: string[];
  /** Where the server itself listens: a proxy's target when `publicUrl` names the proxy. */
  listenUrl: string;
  stop(): Promise<void>;
}

export interface GraphDriveOptions {
  driveType?: DriveType;
  pageSize?: number;
  /** Where clients reach this server, when a proxy stands in front of it: the links it writes (delta, next page) point there. */
  publicUrl?: string;
}

export async function startGraphDriveServer(isValidToken: (token: string) => boolean, options: GraphDriveOptions = {}): Promise<GraphDriveServer> {
  const tree = new DriveTree(options.driveType ?? 'personal');
  for (const path of Object.values(SPECIAL_FOLDERS)) tree.mkdir(path);
  const storage = await startDriveStorageHost(tree);
  const pageSize = options.pageSize ?? 3;
  const log: string[] = [];
  let expiredBefore = 0;
  let throttled = 0;
  let root = '';

  const reply = (res: ServerResponse, what: string, status: number, body: unknown, headers: Record<string, string> = {}) => {
    log.push(`${status} ${what}`);
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(JSON.stringify(body));
  };
  const itemJson = (node: DriveNode, inDelta = false) => tree.json(node, (n) => storage.addressOf(n), inDelta);
  const live = (node: DriveNode | undefined) => (node && !node.deleted ? node : undefined);

  function entries(scope: string, since: number | null): DriveNode[] {
    const inScope = [...tree.nodes.values()].filter((n) => tree.within(scope, n.id));
    if (since === null) return inScope.filter((n) => !n.deleted);
    const out = new Map<string, DriveNode>();
    for (const node of inScope.filter((n) => n.seq > since)) {
      for (const folder of tree.ancestors(scope, node.id)) if (!folder.deleted) out.set(folder.id, folder);
      out.set(node.id, node);
    }
    return [...out.values()];
  }

  function delta(res: ServerResponse, what: string, path: string, scope: DriveNode | undefined, query: URLSearchParams): void {
    if (!scope) return reply(res, what, 404, { error: { code: 'itemNotFound' } });
    if (tree.driveType === 'business' && scope.id !== 'root') return reply(res, what, 400, { error: { code: 'invalidRequest', message: 'Delta is only supported on the root folder' } });
    const base = `${root}${path.slice(1)}`;
    const token = query.get('token');
    if (token !== null && Number(token) < expiredBefore) return reply(res, what, 410, { error: { code: 'resyncChangesApplyDifferences', message: 'Resync required' } }, { Location: base });
    // A skip token carries the round's start (its delta token, or "full") and the offset.
    const skip = query.get('$skiptoken')?.split(':');
    const since = skip ? (skip[0] === 'full' ? null : Number(skip[0])) : token === null ? null : Number(token);
    const offset = skip ? Number(skip[1]) : 0;
    const all = entries(scope.id, since);
    const more = offset + pageSize < all.length;
    const link = more ? { '@odata.nextLink': `${base}?$skiptoken=${since ?? 'full'}:${offset + pageSize}` } : { '@odata.deltaLink': `${base}?token=${tree.seq}` };
    reply(res, what, 200, { value: all.slice(offset, offset + pageSize).map((n) => itemJson(n, true)), ...link });
  }

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = decodeURIComponent(url.pathname);
    const what = `${path}${url.search}`;
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!token || !isValidToken(token)) return reply(res, what, 401, { error: { code: 'InvalidAuthenticationToken' } });
    if (throttled > 0) return (throttled--, reply(res, what, 429, { error: { code: 'TooManyRequests' } }, { 'Retry-After': '1' }));
    if (path === '/v1.0/me/drive') return reply(res, what, 200, { id: 'drive-1', driveType: tree.driveType });
    const special = /^\/v1\.0\/me\/drive\/special\/([a-z]+)(\/delta)?$/.exec(path);
    const specialNode = special ? live(tree.find(SPECIAL_FOLDERS[special[1]!] ?? '\0')) : undefined;
    if (special?.[2]) return delta(res, what, url.pathname, specialNode, url.searchParams);
    if (special) return specialNode ? reply(res, what, 200, itemJson(specialNode)) : reply(res, what, 404, { error: { code: 'itemNotFound' } });
    if (path === '/v1.0/me/drive/root/delta') return delta(res, what, url.pathname, tree.nodes.get('root'), url.searchParams);
    const byPath = /^\/v1\.0\/me\/drive\/root(?::\/(.*?):?)?$/.exec(path);
    const byId = /^\/v1\.0\/me\/drive\/items\/([^/]+)(\/content|\/delta)?$/.exec(path);
    const node = byPath ? live(tree.find(byPath[1] ?? '')) : byId ? live(tree.nodes.get(byId[1]!)) : undefined;
    if (byId?.[2] === '/delta') return delta(res, what, url.pathname, node, url.searchParams);
    if (!node) return reply(res, what, 404, { error: { code: 'itemNotFound' } });
    if (byId?.[2] === '/content') return reply(res, what, 302, '', { Location: storage.addressOf(node) });
    const json = itemJson(node);
    const select = url.searchParams.get('select')?.split(',');
    reply(res, what, 200, select ? Object.fromEntries(Object.entries(json).filter(([key]) => select.includes(key))) : json);
  });
  const port = await listenOnLoopback(server);
  const listenUrl = `http://${LOOPBACK}:${port}/`;
  root = options.publicUrl ?? listenUrl;
  return {
    listenUrl,
    graphUrl: `${root}v1.0/`,
    storage,
    tree,
    putFile(path, bytes, fileOptions = {}) {
      const node = tree.putFile(path, bytes, fileOptions.mime ?? (path.endsWith('.mp4') ? 'video/mp4' : 'image/jpeg'));
      node.noDownloadUrl = fileOptions.noDownloadUrl ?? false;
      return node;
    },
    remove: (path) => tree.remove(path),
    expireDeltaLinks: () => void (expiredBefore = tree.seq + 1),
    throttle: (requests) => void (throttled = requests),
    log,
    stop: async () => {
      await storage.stop();
      await new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve())));
    },
  };
}
