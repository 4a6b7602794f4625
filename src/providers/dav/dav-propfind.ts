// PROPFIND (RFC 4918 §9.1) and the judgement every multistatus request shares: a 207 that parses
// is an answer; one cut off is a BadResponseError (httpRequest asks again); HTML, 405 or 501 mean
// the URL is no DAV server; anything else is an HttpError.
import { t } from '../../catalog/catalog-text';
import type { HttpContext } from '../../http/http-context';
import { AuthError, HttpError } from '../../http/http-errors';
import { NotDavError } from './dav-errors';
import { XMLNS } from './dav-kind';
import { CHANGE_MARKS, listingTimeoutMs } from './listing-time-limit';
import { parseMultistatus, type Multistatus } from './dav-multistatus';
import { httpRequest, type HttpRequest, type HttpResponse } from '../../http/request';
import { BadResponseError } from '../../http/transient-errors';

export interface MultistatusAnswer extends Multistatus {
  /** Final URL after redirects; hrefs were resolved against it. */
  url: string;
}

// Local names, whatever the prefix (`D:`, `d:`, none).
const OPENS_MULTISTATUS = /<(?:[\w.-]+:)?multistatus[\s/>]/;
const ENDS_MULTISTATUS = /(?:<\/(?:[\w.-]+:)?multistatus\s*>|<(?:[\w.-]+:)?multistatus\b[^<>]*\/>)\s*$/;

/**
 * The body of a 207. XML parsers are lenient with a body that stops early (fast-xml-parser
 * returns what it read so far), and a listing missing its tail would make the sync mark the
 * missing items deleted upstream. So a multistatus must end with its own end tag: a connection
 * that closed early, or a proxy that shortened the answer, is caught here and asked again.
 */
function readMultistatus(res: HttpResponse): MultistatusAnswer {
  const opens = OPENS_MULTISTATUS.test(res.body);
  // Only the tail can hold the end tag; no need to scan a 10 MB answer for it.
  if (opens && !ENDS_MULTISTATUS.test(res.body.slice(-4096))) throw new BadResponseError(res.url, true);
  const parsed = parseMultistatus(res.body, res.url);
  if (parsed !== undefined) return { ...parsed, url: res.url };
  if (opens) throw new BadResponseError(res.url, false);
  throw new NotDavError(res.url, t('davNotDavXml'));
}

/** Turns a response into a multistatus, or the error it stands for. */
export function expectMultistatus(res: HttpResponse): MultistatusAnswer {
  if (res.status === 207) return readMultistatus(res);
  if (res.status === 403) throw new AuthError(res.url, 403);
  if (res.status === 405 || res.status === 501) {
    throw new NotDavError(res.url, t('davNotDavStatus', res.status));
  }
  if (res.status >= 200 && res.status < 400) {
    const what = /html/i.test(res.contentType) ? t('davNotDavWebPage') : t('davNotDavNoAnswer');
    throw new NotDavError(res.url, what);
  }
  throw new HttpError(res.url, res.status, res.statusText);
}

/** Sends `req` (with retries, see http/request.ts) and reads its 207 answer. */
export function davMultistatus(ctx: HttpContext, req: HttpRequest): Promise<MultistatusAnswer> {
  return httpRequest(ctx, req, expectMultistatus);
}

/**
 * PROPFIND for the given properties, each written with a prefix from XMLNS (`D:getetag`,
 * `CS:getctag`…). Never Depth infinity: servers may refuse it (RFC 4918 §9.1). One that asks a
 * sync token or ctag has the listing time limit (listing-time-limit.ts).
 */
export async function propfind(
  ctx: HttpContext,
  url: string,
  depth: '0' | '1',
  properties: string[],
): Promise<MultistatusAnswer> {
  const props = properties.map((p) => `<${p}/>`).join('');
  const body = `<?xml version="1.0" encoding="utf-8"?><D:propfind ${XMLNS}><D:prop>${props}</D:prop></D:propfind>`;
  const overEveryMember = properties.some((name) => CHANGE_MARKS.has(name));
  return davMultistatus(ctx, { method: 'PROPFIND', url, depth, body, ...(overEveryMember ? { timeoutMs: listingTimeoutMs(ctx) } : {}) });
}
