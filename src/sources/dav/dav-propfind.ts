// PROPFIND (RFC 4918 §9.1) and the judgement every multistatus request shares: a 207 that parses
// is an answer; HTML, 405 or 501 mean the URL is no DAV server; anything else is an HttpError.
import type { DavContext } from './dav-connection';
import { AuthError, HttpError, NotDavError } from './dav-errors';
import { XMLNS } from './dav-kind';
import { parseMultistatus, type Multistatus } from './dav-multistatus';
import { davRequest, type DavRequest, type DavResponse } from './dav-request';

export interface MultistatusAnswer extends Multistatus {
  /** Final URL after redirects; hrefs were resolved against it. */
  url: string;
}

/** Turns a response into a multistatus, or the error it stands for. */
export function expectMultistatus(res: DavResponse): MultistatusAnswer {
  if (res.status === 207) {
    const parsed = parseMultistatus(res.body, res.url);
    if (parsed === undefined) throw new NotDavError(res.url, 'its answer is not WebDAV XML');
    return { ...parsed, url: res.url };
  }
  if (res.status === 403) throw new AuthError(res.url, 403);
  if (res.status === 405 || res.status === 501) {
    throw new NotDavError(res.url, `it does not accept WebDAV requests (${res.status})`);
  }
  if (res.status >= 200 && res.status < 400) {
    const what = /html/i.test(res.contentType) ? 'it answers with a web page' : 'it gives no WebDAV answer';
    throw new NotDavError(res.url, what);
  }
  throw new HttpError(res.url, res.status, res.statusText);
}

export async function davMultistatus(ctx: DavContext, req: DavRequest): Promise<MultistatusAnswer> {
  return expectMultistatus(await davRequest(ctx, req));
}

/**
 * PROPFIND for the given properties, each written with a prefix from XMLNS (`D:getetag`,
 * `CS:getctag`…). Never Depth infinity: servers may refuse it (RFC 4918 §9.1).
 */
export async function propfind(
  ctx: DavContext,
  url: string,
  depth: '0' | '1',
  properties: string[],
): Promise<MultistatusAnswer> {
  const props = properties.map((p) => `<${p}/>`).join('');
  const body = `<?xml version="1.0" encoding="utf-8"?><D:propfind ${XMLNS}><D:prop>${props}</D:prop></D:propfind>`;
  return davMultistatus(ctx, { method: 'PROPFIND', url, depth, body });
}
