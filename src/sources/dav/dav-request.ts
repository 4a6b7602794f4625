// One HTTP exchange with a DAV server: credentials, redirects, timeouts and the errors every
// request shares. Callers decide what a status means for their method.
import type { DavContext } from './dav-connection';
import { AuthError, NetworkError } from './dav-errors';

export interface DavRequest {
  method: 'PROPFIND' | 'REPORT' | 'GET' | 'OPTIONS';
  url: string;
  depth?: '0' | '1';
  body?: string;
}

export interface DavResponse {
  status: number;
  statusText: string;
  /** Where the answer came from after redirects; hrefs in the body resolve against it. */
  url: string;
  contentType: string;
  body: string;
}

/** Sends requests for origins a redirect already moved (see DavContext.origins) straight there. */
function applyKnownOrigin(ctx: DavContext, url: string): string {
  const u = new URL(url);
  const moved = ctx.origins.get(u.origin);
  return moved === undefined ? url : moved + u.pathname + u.search;
}

function crossOrigin(a: string, b: string): boolean {
  return b !== '' && new URL(a).origin !== new URL(b).origin;
}

function rememberRedirect(ctx: DavContext, requested: string, final: string): void {
  const from = new URL(requested);
  const to = new URL(final);
  if (from.origin !== to.origin && from.pathname === to.pathname && from.search === to.search) {
    ctx.origins.set(from.origin, to.origin);
  }
}

async function send(ctx: DavContext, req: DavRequest, url: string): Promise<Response> {
  const headers: Record<string, string> = { Authorization: ctx.authorization };
  if (req.depth !== undefined) headers.Depth = req.depth;
  if (req.body !== undefined) headers['Content-Type'] = 'application/xml; charset=utf-8';
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
 * Sends one request. Throws NetworkError when nothing answers and AuthError on 401; every other
 * status is returned for the caller to judge.
 */
export async function davRequest(ctx: DavContext, req: DavRequest): Promise<DavResponse> {
  const url = applyKnownOrigin(ctx, req.url);
  let response = await send(ctx, req, url);
  if (response.redirected && response.url) rememberRedirect(ctx, url, response.url);
  if (response.status === 401 && response.redirected && crossOrigin(url, response.url)) {
    // Fetch drops Authorization on a cross-origin redirect (Fetch standard, HTTP-redirect
    // fetch step 13), and iCloud redirects to shard hosts: ask the final URL again, with it.
    await response.body?.cancel();
    response = await send(ctx, req, response.url);
  }
  if (response.status === 401) {
    await response.body?.cancel();
    throw new AuthError(response.url || url, 401);
  }
  let body: string;
  try {
    body = await response.text();
  } catch (error) {
    throw new NetworkError(response.url || url, error);
  }
  return {
    status: response.status,
    statusText: response.statusText,
    url: response.url || url,
    contentType: response.headers.get('content-type') ?? '',
    body,
  };
}
