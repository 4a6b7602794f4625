// Tiny loopback HTTP servers for the unhappy paths: a plain web page where a DAV server was
// expected, and a redirector to another origin (what iCloud does to its shard hosts).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { LOOPBACK, listenOnLoopback } from './free-port';

export interface TestHttpServer {
  url: string;
  port: number;
  /** Requests seen, in order: method, path and whether an Authorization header came along. */
  requests: Array<{ method: string; path: string; authorized: boolean }>;
  stop(): Promise<void>;
}

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<TestHttpServer> {
  const requests: TestHttpServer['requests'] = [];
  const server: Server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', path: req.url ?? '', authorized: req.headers.authorization !== undefined });
    req.resume();
    req.on('end', () => handler(req, res));
  });
  const port = await listenOnLoopback(server);
  return {
    url: `http://${LOOPBACK}:${port}/`,
    port,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Answers every request, PROPFIND included, with 200 and an HTML page, as a website would. */
export function startHtmlServer(): Promise<TestHttpServer> {
  return serve((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><html><head><title>Welcome</title></head><body><h1>Hello</h1></body></html>');
  });
}

/**
 * Redirects every request to the same path on `targetUrl`'s origin (another port: another
 * origin), with 307 so the method and body are kept. Fetch then drops the Authorization header
 * (Fetch standard, HTTP-redirect fetch), exactly as with iCloud's shard redirects.
 */
export function startRedirectProxy(targetUrl: string, status = 307): Promise<TestHttpServer> {
  const target = new URL(targetUrl).origin;
  return serve((req, res) => {
    res.writeHead(status, { Location: `${target}${req.url ?? '/'}`, 'Content-Length': '0' });
    res.end();
  });
}
