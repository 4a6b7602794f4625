// A hostile DAV server: a loopback proxy in front of a real one (Radicale) that forwards
// everything except what a test makes it do instead: answer with a redirect to a foreign host,
// rewrite an answer to name foreign hrefs, a foreign principal or home set, hand out the same
// sync token with "507, there is more" forever, or stream a body without end. Every request
// is recorded with its headers (hostile-host.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { forward, send } from './proxy-forward';
import { startHostileHost, type HostileHandler, type HostileHost } from './hostile-host';

/** What the proxy does with one request: forward it, answer it itself, or forward and rewrite the answer. */
export type DavMove = 'forward' | HostileHandler | { rewrite: (text: string) => string };

export type DavIntercept = (req: IncomingMessage, body: string) => DavMove;

export interface HostileDavServer extends HostileHost {
  /** Decides the next requests; `() => 'forward'` makes the server honest again. */
  intercept: DavIntercept;
}

export async function startHostileDav(params: { upstream: string; address?: string }): Promise<HostileDavServer> {
  const upstream = new URL(params.upstream);
  const state: { intercept: DavIntercept } = { intercept: () => 'forward' };
  const host = await startHostileHost({
    address: params.address ?? '127.0.0.1',
    handler: async (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
      const move = state.intercept(req, body.toString('utf8'));
      if (typeof move === 'function') return move(req, res, body);
      // Plain bytes from upstream, so that an answer can be rewritten (Radicale gzips otherwise).
      delete req.headers['accept-encoding'];
      const answer = await forward(upstream, req, body);
      if (move === 'forward') return send(res, answer);
      return send(res, answer, Buffer.from(move.rewrite(answer.body.toString('utf8')), 'utf8'));
    },
  });
  return Object.defineProperty(host, 'intercept', { get: () => state.intercept, set: (next: DavIntercept) => (state.intercept = next), enumerable: true }) as HostileDavServer;
}

/** 307 to the same path on `target` (method and body kept, RFC 9110 §15.4.8). */
export function redirectTo(target: string, path: string): HostileHandler {
  return (_req, res) => {
    res.writeHead(307, { Location: new URL(path, target).href, 'Content-Length': '0' }).end();
  };
}

/**
 * RFC 6578 §3.6's "truncated" answer: 507 on the request-URI and a sync token, with no
 * progress: the token handed out is the one the client sent.
 */
export function syncLoop(collectionPath: string, sentBody: string): HostileHandler {
  const token = /<(?:\w+:)?sync-token>([^<]*)</.exec(sentBody)?.[1] ?? 'loop-token';
  const xml =
    '<?xml version="1.0" encoding="utf-8"?><D:multistatus xmlns:D="DAV:">' +
    `<D:response><D:href>${collectionPath}</D:href><D:status>HTTP/1.1 507 Insufficient Storage</D:status></D:response>` +
    `<D:sync-token>${token}</D:sync-token></D:multistatus>`;
  return (_req, res) => {
    res.writeHead(207, { 'Content-Type': 'application/xml; charset=utf-8' }).end(xml);
  };
}
