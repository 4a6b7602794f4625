// One GET of a photo, from a byte offset when earlier bytes are stored (RFC 9110 §14.2 Range),
// with If-Range (§13.1.5) so that a file replaced in between comes back whole (200) instead of
// a tail of the new file glued to the head of the old one. If-Range takes only a strong ETag or
// a date. Sent through the HTTP layer (credentials only to the account's origins, redirects
// judged), which holds the host's request slot until the body is consumed.
import { streamExchange } from '../../http/exchange';
import type { HttpRequest } from '../../http/http-request';
import type { HttpContext } from '../../http/http-context';
import { AuthError, HttpError } from '../../http/http-errors';
import { busyAnswer } from '../../http/transient-errors';
import type { PhotoBody, RemotePhoto } from '../../model/photo-source';
import { digestsFromHeader } from './server-digests';
import { watchedBody } from './watched-body';
import { t } from '../../catalog/catalog-text';

/** 416: the stored bytes do not fit the file any more; start over from byte 0. */
export class RangeRefusedError extends HttpError {}

function rangeHeaders(photo: RemotePhoto, offset: number): Record<string, string> {
  if (offset === 0) return {};
  const strong = /^"[^"]*"$/.test(photo.etag);
  const validator = strong ? photo.etag : photo.lastModified;
  return { Range: `bytes=${offset}-`, ...(validator ? { 'If-Range': validator } : {}) };
}

/** Content-Range: bytes 100-999/1000 → 100. */
export function rangeStart(value: string | null): number | null {
  const match = /^bytes (\d+)-\d+\/(?:\d+|\*)$/.exec(value?.trim() ?? '');
  return match ? Number(match[1]) : null;
}

function statusError(ctx: HttpContext, url: string, res: Response): Error {
  if (res.status === 401) return new AuthError(url, 401);
  if (res.status === 416) return new RangeRefusedError(url, 416, res.statusText);
  if (res.status === 429 || res.status === 503) return busyAnswer({ url, status: res.status, retryAfter: res.headers.get('retry-after'), policy: ctx.retry });
  return new HttpError(url, res.status, res.statusText);
}

export function getPhoto(ctx: HttpContext, photo: RemotePhoto, offset: number, consume: (answer: PhotoBody) => Promise<void>): Promise<void> {
  const abort = new AbortController();
  const req: HttpRequest = { method: 'GET', url: photo.href, headers: rangeHeaders(photo, offset), signal: abort.signal };
  return streamExchange(ctx, req, async ({ response: res }) => {
    const start = res.status === 206 ? rangeStart(res.headers.get('content-range')) : 0;
    if ((res.status !== 200 && res.status !== 206) || !res.body || start === null) {
      await res.body?.cancel().catch(() => undefined);
      throw start === null ? new HttpError(photo.href, res.status, t('httpUnreadableContentRange')) : statusError(ctx, photo.href, res);
    }
    const digests = digestsFromHeader(res.headers.get('repr-digest'));
    try {
      await consume({ start, body: watchedBody(res.body, photo.href, ctx.timeoutMs, abort), digests });
    } finally {
      abort.abort();
    }
  });
}
