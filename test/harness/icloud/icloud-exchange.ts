// One request to the iCloud reproduction, as every route sees it: the path, the query, the
// parsed JSON body (CloudKit clients post JSON as text/plain, icloudpd's photos.py does), and
// one way to answer. Answers are logged as "<status> <host role> <path>".
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';

export type HostRole = 'setup' | 'contacts' | 'calendar' | 'ckdatabasews' | 'content';

export interface IcloudExchange {
  role: HostRole;
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  /** The body parsed as JSON; null when empty or not JSON. */
  body: unknown;
  json(status: number, body: unknown, headers?: OutgoingHttpHeaders): void;
  bytes(status: number, body: Uint8Array | string, headers?: OutgoingHttpHeaders): void;
}

/** A route answers the request and returns true, or leaves it to the next route. */
export type IcloudRoute = (exchange: IcloudExchange) => boolean;

export async function readExchange(role: HostRole, req: IncomingMessage, res: ServerResponse, log: string[]): Promise<IcloudExchange> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  const url = new URL(req.url ?? '/', 'http://localhost');
  const path = url.pathname;
  const bytes = (status: number, payload: Uint8Array | string, headers: OutgoingHttpHeaders = {}) => {
    log.push(`${status} ${role} ${path}`);
    res.writeHead(status, headers).end(payload);
  };
  return {
    role,
    method: req.method ?? 'GET',
    path,
    query: url.searchParams,
    headers: req.headers,
    body,
    json: (status, payload, headers = {}) => bytes(status, JSON.stringify(payload), { 'Content-Type': 'application/json; charset=UTF-8', ...headers }),
    bytes,
  };
}

/** The cookies of a request, by name (RFC 6265 §5.4: "name=value" pairs joined by "; "). */
export function requestCookies(headers: IncomingMessage['headers']): Map<string, string> {
  const found = new Map<string, string>();
  for (const pair of (headers.cookie ?? '').split(';')) {
    const at = pair.indexOf('=');
    if (at > 0) found.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
  }
  return found;
}
