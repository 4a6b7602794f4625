// One GET of a file from a pre-authenticated address (OneDrive's @microsoft.graph.downloadUrl,
// iCloud's CloudKit downloadURL), from a byte offset when earlier bytes are stored (Range goes
// to this address itself: "You must append the Range header to the actual
// @microsoft.graph.downloadUrl URL",
// https://learn.microsoft.com/en-us/graph/api/driveitem-get-content#partial-range-downloads;
// icloudpd photos.py `download_asset` resumes the same way). No Authorization header and no
// cookies (`credentials: 'none'` in the HTTP layer): the address is its own credential, and the
// storage host is not the service that listed it. Messages name the storage host only, since
// the address's path is its secret.
import { streamExchange } from '../../http/exchange';
import type { HttpRequest } from '../../http/http-request';
import type { HttpContext } from '../../http/http-context';
import { HttpError } from '../../http/http-errors';
import { busyAnswer } from '../../http/transient-errors';
import type { PhotoBody } from '../../model/photo-source';
import { RangeRefusedError, rangeStart } from './photo-get';
import { watchedBody } from './watched-body';
import { t } from '../../catalog/catalog-text';

/** 401, 403, 404 or 410 from the storage host: the short-lived address has expired; ask the service for another. */
export class ExpiredAddressError extends HttpError {}

/**
 * Downloads from `url` while holding one of its host's request slots. A busy host (429, 503)
 * is reported as RateLimitError carrying its Retry-After: the engine's download retry
 * (download-photo.ts) waits it out and asks again, so the attempts are counted in one place.
 */
export function presignedGet(ctx: HttpContext, url: string, offset: number, consume: (answer: PhotoBody) => Promise<void>): Promise<void> {
  const where = `${new URL(url).origin}/`;
  const abort = new AbortController();
  const headers: Record<string, string> = offset > 0 ? { Range: `bytes=${offset}-` } : {};
  const req: HttpRequest = { method: 'GET', url, headers, credentials: 'none', signal: abort.signal };
  return streamExchange(ctx, req, async ({ response: res }) => {
    const start = res.status === 206 ? rangeStart(res.headers.get('content-range')) : 0;
    if ((res.status === 200 || res.status === 206) && res.body && start !== null) {
      try {
        await consume({ start, body: watchedBody(res.body, where, ctx.timeoutMs, abort), digests: [] });
      } finally {
        abort.abort();
      }
      return;
    }
    await res.body?.cancel().catch(() => undefined);
    if (start === null) throw new HttpError(where, res.status, t('httpUnreadableContentRange'));
    if ([401, 403, 404, 410].includes(res.status)) throw new ExpiredAddressError(where, res.status, res.statusText);
    if (res.status === 416) throw new RangeRefusedError(where, 416, res.statusText);
    if (res.status === 429 || res.status === 503) throw busyAnswer({ url: where, status: res.status, retryAfter: res.headers.get('retry-after'), policy: ctx.retry });
    throw new HttpError(where, res.status, res.statusText);
  });
}
