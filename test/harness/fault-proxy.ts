// A loopback HTTP proxy in front of a real DAV server that misbehaves on command: rate limits
// with Retry-After, resets, cut-off bodies, slow answers, and a server that will not do
// sync-collection. No vitest imports: scripts use it too.
//
//   const proxy = await startFaultProxy(radicale.url);
//   proxy.failNext(3, 'reset');                                   // the next 3 requests
//   proxy.add({ method: 'REPORT', body: 'multiget', fault: { kind: 'truncate' }, times: 1 });
//   proxy.refuseSyncCollection = true;                            // 403 DAV:supported-report
//   proxy.retarget(restarted.url);                                // same URL, another server
//   … createDavSource({ serverUrl: proxy.url, … }) …
//   await proxy.stop();
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { LOOPBACK, listenOnLoopback } from './free-port';
import { forward, refusal, send, sendTruncated } from './proxy-forward';
import { namedFault, takeFault, type Fault, type FaultMatch, type FaultName, type FaultRule, type ProxiedRequest } from './fault-rules';

export interface ProxyLogEntry extends Omit<ProxiedRequest, 'body'> {
  /** What the proxy did instead of a plain forward, if anything. */
  fault: Fault['kind'] | 'refused-sync-collection' | null;
  /** Status the client was sent (null for a reset). */
  status: number | null;
  /** The Range header the client sent, if any (a resumed download). */
  range?: string;
}

export interface FaultProxy {
  url: string;
  port: number;
  /** Every request, in arrival order. */
  log: ProxyLogEntry[];
  /** Requests received and not yet answered, now and at most so far (the client's concurrency). */
  inFlight: { now: number; most: number };
  /**
   * Refuse REPORTs whose body asks for sync-collection, forcing the ETag-listing path: `true` or
   * 403 answers as RFC 3253 §3.6 says for an unsupported report (403 with DAV:supported-report),
   * 501 as servers that never heard of it do.
   */
  refuseSyncCollection: boolean | 403 | 501;
  add(rule: FaultRule): void;
  /** The next `count` requests (that match `match`) get `fault`. */
  failNext(count: number, fault: Fault | FaultName, match?: FaultMatch): void;
  /** Drops every rule and refusal; the log stays. */
  clear(): void;
  /** Sends what follows to another server (a restarted one: same URL for the client). */
  retarget(targetUrl: string): void;
  stop(): Promise<void>;
}

export async function startFaultProxy(targetUrl: string): Promise<FaultProxy> {
  let target = new URL(targetUrl);
  const rules: FaultRule[] = [];
  const log: ProxyLogEntry[] = [];

  const handle = async (req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> => {
    const seen: ProxiedRequest = { method: req.method ?? 'GET', path: req.url ?? '/', body: body.toString('utf8') };
    const entry: ProxyLogEntry = { method: seen.method, path: seen.path, fault: null, status: null, ...(req.headers.range ? { range: req.headers.range } : {}) };
    log.push(entry);
    const refuse = proxy.refuseSyncCollection;
    if (refuse !== false && seen.method === 'REPORT' && seen.body.includes('sync-collection')) {
      const status = refuse === 501 ? 501 : 403;
      entry.fault = 'refused-sync-collection';
      entry.status = status;
      return send(res, refusal(status));
    }
    const fault = takeFault(rules, seen);
    entry.fault = fault?.kind ?? null;
    if (fault?.kind === 'reset') return void req.socket.destroy();
    if (fault?.kind === 'status') {
      entry.status = fault.status;
      const headers: Record<string, string> = { 'content-type': 'text/plain' };
      if (fault.retryAfter !== undefined) headers['retry-after'] = fault.retryAfter;
      return send(res, { status: fault.status, headers, body: Buffer.from(fault.body ?? `Fault ${fault.status}`) });
    }
    if (fault?.kind === 'delay') await new Promise((resolve) => setTimeout(resolve, fault.ms));
    const up = await forward(target, req, body);
    entry.status = up.status;
    if (fault?.kind === 'truncate') return sendTruncated(res, up, fault);
    if (fault?.kind === 'corrupt' && up.body.length > 0) up.body[Math.floor(up.body.length / 2)]! ^= 0xff;
    send(res, up);
  };

  const inFlight = { now: 0, most: 0 };
  const server = createServer((req, res) => {
    inFlight.now++;
    inFlight.most = Math.max(inFlight.most, inFlight.now);
    // 'close' comes once whatever ends the exchange: an answer sent, a reset, the client leaving.
    res.on('close', () => void inFlight.now--);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      handle(req, res, Buffer.concat(chunks)).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(`Fault proxy could not reach the server: ${String(error)}`);
      });
    });
  });
  const port = await listenOnLoopback(server);

  const proxy: FaultProxy = {
    url: `http://${LOOPBACK}:${port}/`,
    port,
    log,
    inFlight,
    refuseSyncCollection: false,
    add: (rule) => void rules.push({ ...rule }),
    failNext: (count, fault, match = {}) => {
      rules.push({ ...match, fault: typeof fault === 'string' ? namedFault(fault) : fault, times: count });
    },
    clear: () => {
      rules.length = 0;
      proxy.refuseSyncCollection = false;
    },
    retarget: (url) => {
      target = new URL(url);
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return proxy;
}
