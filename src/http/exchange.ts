// One HTTP exchange with a DAV server: credentials, redirects, the timeout, reading the body,
// all inside one of the host's request slots. No retries here: dav-request.ts decides those.
import type { HttpContext } from './http-context';
import { AuthError, NetworkError } from './http-errors';
import { hostKey } from './host-limiter';

export interface HttpRequest {
  method: 'PROPFIND' | 'REPORT' | 'GET' | 'OPTIONS' | 'PUT';
  url: string;
  depth?: '0' | '1';
  body?: string;
  /** Default for a body: XML. A PUT sends the item's own media type. */
  contentType?: string;
  /** `*`: create only, never overwrite (RFC 9110 §13.1.2). */
  ifNoneMatch?: '*';
  /** Conditional GET validators (RFC 9110 §13.1): a calendar feed's ETag and Last-Modified. */
  conditional?: { etag?: string; lastModified?: string };
}

export interface HttpResponse {
  status: number;
  statusText: string;
  /** Where the answer came from after redirects; hrefs in the body resolve against it. */
  url: string;
  contentType: string;
  body: string;
  /** True when the body had bytes its charset does not allow; they were replaced by U+FFFD. */
  lossy: boolean;
  /** The Retry-After header (RFC 9110 §10.2.3), if any. */
  retryAfter: string | null;
  /** The ETag header (GET answers carry the item's ETag there). */
  etag: string | null;
  /** The Last-Modified header, for the next conditional GET of a feed. */
  lastModified: string | null;
}

/** Sends requests for origins a redirect already moved (see HttpContext.origins) straight there. */
function applyKnownOrigin(ctx: HttpContext, url: string): string {
  const u = new URL(url);
  const moved = ctx.origins.get(u.origin);
  return moved === undefined ? url : moved + u.pathname + u.search;
}

function crossOrigin(a: string, b: string): boolean {
  return b !== '' && new URL(a).origin !== new URL(b).origin;
}

function rememberRedirect(ctx: HttpContext, requested: string, final: string): void {
  const from = new URL(requested);
  const to = new URL(final);
  if (from.origin !== to.origin && from.pathname === to.pathname && from.search === to.search) {
    ctx.origins.set(from.origin, to.origin);
  }
}

async function send(ctx: HttpContext, req: HttpRequest, url: string): Promise<Response> {
  const headers: Record<string, string> = ctx.authorization ? { Authorization: ctx.authorization } : {};
  if (req.depth !== undefined) headers.Depth = req.depth;
  if (req.body !== undefined) headers['Content-Type'] = req.contentType ?? 'application/xml; charset=utf-8';
  if (req.ifNoneMatch !== undefined) headers['If-None-Match'] = req.ifNoneMatch;
  if (req.conditional?.etag) headers['If-None-Match'] = req.conditional.etag;
  if (req.conditional?.lastModified) headers['If-Modified-Since'] = req.conditional.lastModified;
  try {
    // redirect 'follow' (the default): in a service worker 'manual' yields an opaque response
    // with no Location header, so the client could not follow it itself.
    return await ctx.fetch(url, {
      method: req.method,
      headers,
      body: req.body,
      redirect: 'follow',
      signal: AbortSignal.timeout(ctx.timeoutMs),
    });
  } catch (error) {
    throw new NetworkError(url, error);
  }
}

/**
 * Decodes a body by the charset its Content-Type names (RFC 9110 §8.3.1), UTF-8 when it names
 * none or one this runtime does not know. Decoding is strict first, so a body with stray bytes
 * is flagged rather than silently altered; `response.text()` would replace them unannounced.
 */
function decodeBody(bytes: ArrayBuffer, contentType: string): { text: string; lossy: boolean } {
  const label = /;\s*charset="?([^";\s]+)/i.exec(contentType)?.[1] ?? 'utf-8';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    decoder = new TextDecoder('utf-8', { fatal: true });
  }
  try {
    return { text: decoder.decode(bytes), lossy: false };
  } catch {
    return { text: new TextDecoder(decoder.encoding).decode(bytes), lossy: true };
  }
}

/** A renewal that needs the person is a refusal of the credentials; any other failure, a network one. */
async function renewed(renew: () => Promise<string>, url: string): Promise<string> {
  try {
    return await renew();
  } catch (error) {
    if ((error as { code?: unknown }).code === 'auth') throw new AuthError(url, 401, (error as Error).message);
    throw new NetworkError(url, error);
  }
}

async function exchangeNow(ctx: HttpContext, req: HttpRequest, url: string): Promise<HttpResponse> {
  let response = await send(ctx, req, url);
  if (response.redirected && response.url) rememberRedirect(ctx, url, response.url);
  if (response.status === 401 && response.redirected && crossOrigin(url, response.url)) {
    // Fetch drops Authorization on a cross-origin redirect (Fetch standard, HTTP-redirect
    // fetch step 13), and iCloud redirects to shard hosts: ask the final URL again, with it.
    await response.body?.cancel();
    response = await send(ctx, req, response.url);
  }
  if (response.status === 401 && ctx.renewAuthorization) {
    // An access token can expire mid-run (they last about an hour): renew it once and ask again.
    await response.body?.cancel();
    ctx.authorization = await renewed(ctx.renewAuthorization, response.url || url);
    response = await send(ctx, req, response.url || url);
  }
  if (response.status === 401) {
    await response.body?.cancel();
    throw new AuthError(response.url || url, 401);
  }
  const contentType = response.headers.get('content-type') ?? '';
  let bytes: ArrayBuffer;
  try {
    bytes = await response.arrayBuffer();
  } catch (error) {
    // The connection broke mid-body (reset, or fewer bytes than Content-Length announced).
    throw new NetworkError(response.url || url, error);
  }
  const { text, lossy } = decodeBody(bytes, contentType);
  return {
    status: response.status,
    statusText: response.statusText,
    url: response.url || url,
    contentType,
    body: text,
    lossy,
    retryAfter: response.headers.get('retry-after'),
    etag: response.headers.get('etag'),
    lastModified: response.headers.get('last-modified'),
  };
}

/**
 * Sends one request and reads its whole answer while holding one of the host's slots. Throws
 * NetworkError when nothing (or only part of a body) arrives and AuthError on 401; every other
 * status is returned for the caller to judge.
 */
export function exchange(ctx: HttpContext, req: HttpRequest): Promise<HttpResponse> {
  const url = applyKnownOrigin(ctx, req.url);
  return ctx.limiter.run(hostKey(url), () => exchangeNow(ctx, req, url));
}
