// A loopback server that records every request it receives, headers included, for the tests
// of hostile servers: the "foreign host" a hostile server points at must never see the
// account's Authorization header. It listens on the address given: 127.0.0.2 is loopback on
// Linux too, yet another origin and another site than 127.0.0.1 (an IP address is its own
// site), so a redirect there really leaves the account's origin. With `tls`, it serves https
// with a self-signed certificate (hostile-tls.ts).
import { createServer as createHttpServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
}

export type HostileHandler = (req: IncomingMessage, res: ServerResponse, body: Buffer) => void | Promise<void>;

export interface HostileHost {
  /** `http://127.0.0.2:PORT/` */
  url: string;
  /** `127.0.0.2:PORT`, as messages name it. */
  host: string;
  requests: RecordedRequest[];
  /** Replaces what the host answers from now on. */
  handle(handler: HostileHandler): void;
  stop(): Promise<void>;
}

/** 401 with a Basic challenge (RFC 7617 §2): the answer that would make a careless client send a password. */
export const askForPassword: HostileHandler = (_req, res) => {
  res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="evil"', 'Content-Length': '0' }).end();
};

export async function startHostileHost(params: { address: string; handler?: HostileHandler; tls?: { key: string; cert: string } }): Promise<HostileHost> {
  const requests: RecordedRequest[] = [];
  let handler: HostileHandler = params.handler ?? askForPassword;
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers });
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => void Promise.resolve(handler(req, res, Buffer.concat(chunks))).catch(() => res.destroy()));
  };
  const server: Server = params.tls ? createHttpsServer(params.tls, listener) : createHttpServer(listener);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, params.address, resolve);
  });
  server.unref();
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  const host = `${params.address}:${port}`;
  return {
    url: `${params.tls ? 'https' : 'http'}://${host}/`,
    host,
    requests,
    handle: (next) => {
      handler = next;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Every request the host saw that carried an Authorization header (must stay empty). */
export function authorizedRequests(host: HostileHost): RecordedRequest[] {
  return host.requests.filter((r) => r.headers.authorization !== undefined);
}

/**
 * Streams bytes without end (a body a server never finishes), counting what it wrote: a client
 * that enforces its cap by streaming closes the connection soon after the cap, one that
 * buffers first would take everything.
 */
export function endlessBody(params: { contentType: string; status?: number; head?: string; sent: { bytes: number } }): HostileHandler {
  return (_req, res) => {
    res.writeHead(params.status ?? 200, { 'Content-Type': params.contentType });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    if (params.head) res.write(params.head);
    const pump = () => {
      let more = true;
      while (more && !res.destroyed) {
        params.sent.bytes += chunk.length;
        more = res.write(chunk);
      }
      if (!res.destroyed) res.once('drain', pump);
    };
    res.on('close', () => res.removeAllListeners('drain'));
    pump();
  };
}
