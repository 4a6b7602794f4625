// One conditional GET of a feed through the HTTP layer (timeouts, retries with Retry-After,
// per-host limits, a body cap). 304 Not Modified means the mirror is current (RFC 9110 §15.4.5).
import type { HttpContext } from '../../http/http-context';
import { AuthError, HttpError } from '../../http/http-errors';
import { httpRequest } from '../../http/request';
import type { FeedValidators } from './feed-cursor';
import { FeedError } from './feed-errors';

export type FeedAnswer =
  | { modified: false }
  | { modified: true; body: string; etag: string | null; lastModified: string | null };

export async function getFeed(ctx: HttpContext, url: string, validators: FeedValidators): Promise<FeedAnswer> {
  try {
    return await httpRequest(ctx, { method: 'GET', url, conditional: validators, bodyKind: 'feed' }, (res): FeedAnswer => {
      if (res.status === 304) return { modified: false };
      if (res.status === 404 || res.status === 410) throw new FeedError(url, 'gone', res.status);
      if (res.status !== 200) throw new FeedError(url, 'status', res.status);
      // A login page or an error page served with 200 must never read as an empty calendar.
      if (!/^\s*(\uFEFF)?BEGIN:VCALENDAR/i.test(res.body)) throw new FeedError(url, 'not-calendar');
      return { modified: true, body: res.body, etag: res.etag, lastModified: res.lastModified };
    });
  } catch (error) {
    // The host that asked (error.url: where a redirect led), which may not be the feed's own.
    if (error instanceof AuthError) throw new FeedError(error.url, 'sign-in', error.status);
    if (error instanceof HttpError) throw new FeedError(url, 'status', error.status);
    throw error;
  }
}
