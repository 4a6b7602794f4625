// How the fault proxy (fault-proxy.ts) talks to the real server and answers the client: a plain
// forward, a shortened or cut-off answer, or a refusal of sync-collection.
import { request, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Fault } from './fault-rules';

const HOP_BY_HOP = ['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'host'];

function copyHeaders(headers: IncomingHttpHeaders): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.includes(name)) out[name] = value;
  }
  return out;
}

export interface Upstream {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

export function forward(target: URL, req: IncomingMessage, body: Buffer): Promise<Upstream> {
  return new Promise((resolve, reject) => {
    const headers = { ...copyHeaders(req.headers), host: target.host, 'content-length': String(body.length) };
    const upstream = request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: copyHeaders(res.headers), body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    upstream.on('error', reject);
    upstream.end(body);
  });
}

export function send(res: ServerResponse, up: Upstream, body = up.body): void {
  res.writeHead(up.status, { ...up.headers, 'content-length': String(body.length) });
  res.end(body);
}

export function sendTruncated(res: ServerResponse, up: Upstream, fault: Extract<Fault, { kind: 'truncate' }>): void {
  const kept = up.body.subarray(0, Math.floor(up.body.length * Math.min(Math.max(fault.keep ?? 0.5, 0), 1)));
  if (fault.framing === 'short') return send(res, up, kept);
  res.writeHead(up.status, { ...up.headers, 'content-length': String(up.body.length) });
  res.write(kept, () => res.socket?.destroy());
}

export function refusal(status: 403 | 501): Upstream {
  const body = status === 403 ? '<?xml version="1.0" encoding="utf-8"?><D:error xmlns:D="DAV:"><D:supported-report/></D:error>' : 'Not Implemented';
  return { status, headers: { 'content-type': status === 403 ? 'application/xml; charset=utf-8' : 'text/plain' }, body: Buffer.from(body) };
}
