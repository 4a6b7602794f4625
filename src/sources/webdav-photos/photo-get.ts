// One GET of a photo, from a byte offset when earlier bytes are stored (RFC 9110 §14.2 Range),
// with If-Range (§13.1.5) so that a file replaced in between comes back whole (200) instead of
// a tail of the new file glued to the head of the old one. If-Range takes only a strong ETag or
// a date. The host's request slot is held until the body is consumed.
import type { HttpContext } from '../../http/http-context';
import { AuthError, HttpError, NetworkError } from '../../http/http-errors';
import { hostKey } from '../../http/host-limiter';
import { RateLimitError } from '../../http/transient-errors';
import type { PhotoBody, RemotePhoto } from '../photo-source';
import { digestsFromHeader } from './server-digests';
import { watchedBody } from './watched-body';

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

function statusError(url: string, res: Response): Error {
  if (res.status === 401) return new AuthError(url, 401);
  if (res.status === 416) return new RangeRefusedError(url, 416, res.statusText);
  if (res.status === 429 || res.status === 503) return new RateLimitError(url, res.status, { attempts: 1 });
  return new HttpError(url, res.status, res.statusText);
}

async function getOnce(ctx: HttpContext, photo: RemotePhoto, offset: number, consume: (answer: PhotoBody) => Promise<void>): Promise<void> {
  const abort = new AbortController();
  let res: Response;
  try {
    res = await ctx.fetch(photo.href, {
      headers: { Authorization: ctx.authorization, ...rangeHeaders(photo, offset) },
      redirect: 'follow',
      signal: abort.signal,
    });
  } catch (error) {
    throw new NetworkError(photo.href, error);
  }
  const start = res.status === 206 ? rangeStart(res.headers.get('content-range')) : 0;
  if ((res.status !== 200 && res.status !== 206) || !res.body || start === null) {
    await res.body?.cancel().catch(() => undefined);
    throw start === null ? new HttpError(photo.href, res.status, 'with an unreadable Content-Range') : statusError(photo.href, res);
  }
  const digests = digestsFromHeader(res.headers.get('repr-digest'));
  try {
    await consume({ start, body: watchedBody(res.body, photo.href, ctx.timeoutMs, abort), digests });
  } finally {
    abort.abort();
  }
}

export function getPhoto(ctx: HttpContext, photo: RemotePhoto, offset: number, consume: (answer: PhotoBody) => Promise<void>): Promise<void> {
  return ctx.limiter.run(hostKey(photo.href), () => getOnce(ctx, photo, offset, consume));
}
