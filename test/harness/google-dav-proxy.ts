// Google's CardDAV and CalDAV, as documented, reproduced in front of a real Radicale:
// - OAuth 2.0 bearer tokens only; no token, an expired one, or Basic authentication answers
//   401 ("Any attempt to connect ... with Basic authentication ... results in an HTTP 401",
//   https://developers.google.com/people/carddav, "Connecting to Google's CardDAV server");
// - discovery starts with a PROPFIND on /.well-known/carddav, answered by a 301 (same page);
// - "Client applications must switch to this mode of operation [sync-collection] after the
//   initial sync" (rfc6578 item on that page and on https://developers.google.com/calendar/caldav):
//   a collection already synced with sync-collection refuses another Depth 1 listing (403);
// - contacts are vCard 3.0 only ("Google's CardDAV utilizes VCard 3.0"): a PUT of another
//   version is refused (400);
// - contact labels are not CATEGORIES: a PUT's CATEGORIES are dropped and none is ever served
//   (drop-categories.ts cites the pages).
// The proxy forwards everything else to Radicale with Radicale's own Basic credentials.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { LOOPBACK, listenOnLoopback } from './free-port';
import { dropCategories, dropCategoriesInMultistatus } from './drop-categories';
import { forward, send, type Upstream } from './proxy-forward';
import type { RadicaleServer } from './radicale';

export interface GoogleDavProxy {
  url: string;
  carddavUrl: string;
  caldavUrl: string;
  /** Requests refused, as "<status> <method> <path>". */
  refused: string[];
  stop(): Promise<void>;
}

async function body(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** What Radicale answered, with any card's CATEGORIES taken out as Google's server would. */
function withoutCategories(method: string, up: Upstream): Buffer {
  const type = String(up.headers['content-type'] ?? '');
  if (method === 'GET' && type.startsWith('text/vcard')) return Buffer.from(dropCategories(up.body.toString('utf8')), 'utf8');
  if (method === 'REPORT' && /xml/.test(type)) return Buffer.from(dropCategoriesInMultistatus(up.body.toString('utf8')), 'utf8');
  return up.body;
}

export async function startGoogleDavProxy(radicale: RadicaleServer, isValidToken: (token: string) => boolean): Promise<GoogleDavProxy> {
  const target = new URL(radicale.url);
  const basic = `Basic ${Buffer.from(`${radicale.username}:${radicale.password}`).toString('base64')}`;
  const syncedWithReport = new Set<string>();
  const refused: string[] = [];
  const home = new URL(radicale.homeUrl).pathname;

  const server: Server = createServer((req, res) => {
    void (async () => {
      const data = await body(req);
      const path = req.url ?? '/';
      const refuse = (status: number, text: string, headers: Record<string, string> = {}) => {
        refused.push(`${status} ${req.method} ${path}`);
        res.writeHead(status, { 'Content-Type': 'text/plain', ...headers }).end(text);
      };
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      if (!token || !isValidToken(token)) return refuse(401, 'Unauthorized', { 'WWW-Authenticate': 'Bearer realm="https://accounts.google.com/"' });
      if (path.startsWith('/.well-known/carddav') || path.startsWith('/.well-known/caldav')) return void res.writeHead(301, { Location: home }).end();
      const text = data.toString('utf8');
      if (req.method === 'REPORT' && text.includes('sync-collection')) syncedWithReport.add(path);
      if (req.method === 'PROPFIND' && req.headers.depth === '1' && syncedWithReport.has(path)) return refuse(403, 'Use sync-collection after the initial sync');
      if (req.method === 'PUT' && text.startsWith('BEGIN:VCARD') && !/\r?\nVERSION:3\.0\r?\n/.test(text)) return refuse(400, 'Only vCard 3.0 is accepted');
      req.headers.authorization = basic;
      // Plain answers from Radicale, so that the cards in them can be edited on the way through.
      delete req.headers['accept-encoding'];
      const isCard = req.method === 'PUT' && text.startsWith('BEGIN:VCARD');
      const up = await forward(target, req, isCard ? Buffer.from(dropCategories(text), 'utf8') : data);
      send(res, up, withoutCategories(req.method ?? '', up));
    })().catch(() => res.writeHead(502).end());
  });
  const url = `http://${LOOPBACK}:${await listenOnLoopback(server)}/`;
  return {
    url,
    carddavUrl: `${url}.well-known/carddav`,
    caldavUrl: `${url}.well-known/caldav`,
    refused,
    stop: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}
