// One HTTP exchange: which credentials go with it (credential-policy.ts), where a redirect may
// lead (redirect-policy.ts), the timeout, reading the body up to its cap (body-caps.ts), all
// inside one of the host's request slots. No retries here: request.ts decides those. This file
// and send.ts are the only code that calls fetch (eslint.config.js enforces it).
import { readCapped, type BodyKind } from './body-caps';
import { decodeBody } from './decode-body';
import type { HttpContext } from './http-context';
import { AuthError, NetworkError } from './http-errors';
import { hostKey } from './host-limiter';
import { MAX_RESENDS } from './redirect-policy';
import { sendChecked, type SentRequest } from './send';
import type { HttpRequest } from './http-request';

export type { SentRequest } from './send';

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
  /** The Location header of an unfollowed redirect (`redirect: 'manual'`). */
  location: string | null;
}

/** Sends requests for origins a redirect already moved (see HttpContext.origins) straight there. */
function applyKnownOrigin(ctx: HttpContext, url: string): string {
  const u = new URL(url);
  const moved = ctx.origins.get(u.origin);
  return moved === undefined ? url : moved + u.pathname + u.search;
}

function rememberRedirect(ctx: HttpContext, requested: string, final: string): void {
  const from = new URL(requested);
  const to = new URL(final);
  if (from.origin !== to.origin && from.pathname === to.pathname && from.search === to.search) {
    ctx.origins.set(from.origin, to.origin);
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

/**
 * Sends `req` to `url` and follows what the account's policy allows: a 401 from a bound origin
 * a redirect reached (Fetch dropped Authorization on the cross-origin hop, HTTP-redirect fetch
 * step 13; iCloud's shards answer so) is asked again there with the credentials; a bearer
 * token refused once is renewed once. Returns the response whose body is still unread.
 */
export async function openResponse(ctx: HttpContext, req: HttpRequest, url: string): Promise<SentRequest> {
  let target = url;
  let renewedOnce = false;
  for (let resend = 0; ; resend++) {
    const sent = await sendChecked(ctx, req, target);
    const { response, finalUrl, outcome } = sent;
    if (outcome === 'bound') rememberRedirect(ctx, target, finalUrl);
    if (response.status !== 401 || req.credentials === 'none' || !ctx.authorization || resend >= MAX_RESENDS) return sent;
    if (outcome === 'bound') {
      await response.body?.cancel().catch(() => undefined);
      target = finalUrl;
      continue;
    }
    if (!ctx.renewAuthorization || renewedOnce) return sent;
    // An access token can expire mid-run (they last about an hour): renew it once and ask again.
    await response.body?.cancel().catch(() => undefined);
    ctx.authorization = await renewed(ctx.renewAuthorization, finalUrl);
    renewedOnce = true;
  }
}

function defaultBodyKind(req: HttpRequest): BodyKind {
  return req.method === 'PROPFIND' || req.method === 'REPORT' ? 'multistatus' : 'item';
}

async function exchangeNow(ctx: HttpContext, req: HttpRequest, url: string): Promise<HttpResponse> {
  const { response, finalUrl } = await openResponse(ctx, req, url);
  if (response.status === 401 && req.credentials !== 'none') {
    await response.body?.cancel().catch(() => undefined);
    throw new AuthError(finalUrl, 401);
  }
  const contentType = response.headers.get('content-type') ?? '';
  const bytes = await readCapped({ response, cap: ctx.bodyCaps[req.bodyKind ?? defaultBodyKind(req)], url: finalUrl });
  const { text, lossy } = decodeBody(bytes, contentType);
  return {
    status: response.status,
    statusText: response.statusText,
    url: finalUrl,
    contentType,
    body: text,
    lossy,
    retryAfter: response.headers.get('retry-after'),
    etag: response.headers.get('etag'),
    lastModified: response.headers.get('last-modified'),
    location: response.headers.get('location'),
  };
}

/**
 * Sends one request and reads its whole answer while holding one of the host's slots. Throws
 * NetworkError when nothing (or only part of a body) arrives, AuthError on 401, and the
 * policy's refusals (policy-errors.ts); every other status is returned for the caller to judge.
 */
export function exchange(ctx: HttpContext, req: HttpRequest): Promise<HttpResponse> {
  const url = applyKnownOrigin(ctx, req.url);
  return ctx.limiter.run(hostKey(url), () => exchangeNow(ctx, req, url));
}

/**
 * Sends one request and hands its unread answer to `use` (a large download streams it into
 * storage), holding one of the host's slots until `use` is done. The policy applies as for
 * `exchange`; no status is judged here.
 */
export function streamExchange<T>(ctx: HttpContext, req: HttpRequest, use: (sent: SentRequest) => Promise<T>): Promise<T> {
  const url = applyKnownOrigin(ctx, req.url);
  return ctx.limiter.run(hostKey(url), async () => use(await openResponse(ctx, req, url)));
}
