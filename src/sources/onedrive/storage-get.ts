// One GET of a file from its pre-authenticated address, from a byte offset when earlier bytes
// are stored (Range goes to this address, not to /content: "You must append the Range header
// to the actual @microsoft.graph.downloadUrl URL",
// https://learn.microsoft.com/en-us/graph/api/driveitem-get-content#partial-range-downloads).
// No Authorization header and no cookies: the address is its own credential, and the storage
// host is not Graph. Messages name the storage host only, since the address's path is its secret.
import type { HttpContext } from '../../http/http-context';
import { HttpError, NetworkError } from '../../http/http-errors';
import { hostKey } from '../../http/host-limiter';
import { backoffDelay, parseRetryAfter } from '../../http/retry-policy';
import { RateLimitError } from '../../http/transient-errors';
import type { PhotoBody } from '../photo-source';
import { RangeRefusedError, rangeStart } from '../webdav-photos/photo-get';
import { watchedBody } from '../webdav-photos/watched-body';

/** 401, 403, 404 or 410 from the storage host: the short-lived address has expired; ask Graph for another. */
export class ExpiredAddressError extends HttpError {}

type Outcome = { waitMs: number; status: number } | null;

async function getOnce(
  ctx: HttpContext,
  url: string,
  offset: number,
  consume: (answer: PhotoBody) => Promise<void>,
): Promise<Outcome> {
  const where = `${new URL(url).origin}/`;
  const abort = new AbortController();
  let res: Response;
  try {
    res = await ctx.fetch(url, { headers: offset > 0 ? { Range: `bytes=${offset}-` } : {}, credentials: 'omit', redirect: 'follow', signal: abort.signal });
  } catch (error) {
    throw new NetworkError(where, error);
  }
  const start = res.status === 206 ? rangeStart(res.headers.get('content-range')) : 0;
  if ((res.status === 200 || res.status === 206) && res.body && start !== null) {
    try {
      await consume({ start, body: watchedBody(res.body, where, ctx.timeoutMs, abort), digests: [] });
    } finally {
      abort.abort();
    }
    return null;
  }
  await res.body?.cancel().catch(() => undefined);
  if (start === null) throw new HttpError(where, res.status, 'with an unreadable Content-Range');
  if ([401, 403, 404, 410].includes(res.status)) throw new ExpiredAddressError(where, res.status, res.statusText);
  if (res.status === 416) throw new RangeRefusedError(where, 416, res.statusText);
  if (res.status !== 429 && res.status !== 503) throw new HttpError(where, res.status, res.statusText);
  const now = ctx.retry.now();
  const waitMs = parseRetryAfter(res.headers.get('retry-after'), now) ?? backoffDelay(1, ctx.retry);
  if (waitMs > ctx.retry.maxRetryAfterMs) throw new RateLimitError(where, res.status, { retryAt: now + waitMs, now });
  return { waitMs, status: res.status };
}

/**
 * Downloads from `url` while holding one of its host's request slots. A busy host (429, 503)
 * is waited out for as long as its Retry-After says, outside the slot, and then reported as
 * RateLimitError: the engine's download retry asks again (download-photo.ts), so the wait is
 * honoured and the attempts are counted in one place.
 */
export async function storageGet(
  ctx: HttpContext,
  url: string,
  offset: number,
  consume: (answer: PhotoBody) => Promise<void>,
): Promise<void> {
  const busy = await ctx.limiter.run(hostKey(url), () => getOnce(ctx, url, offset, consume));
  if (!busy) return;
  await ctx.retry.sleep(busy.waitMs);
  throw new RateLimitError(`${new URL(url).origin}/`, busy.status, { attempts: 1 });
}
