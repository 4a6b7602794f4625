// The last resort for one item a multiget could not deliver: a plain GET of its URL (RFC 4918
// §9.4), which answers with the stored bytes themselves rather than text inside XML. It tells a
// server that broke on this one item (Xandikos answers a whole multiget with 500 when one card
// is not UTF-8) from an item that is truly gone, and says which it was.
import { t } from '../../catalog/catalog-text';
import type { RemoteItem, RemoteItemFailure } from '../../model/source';
import type { HttpContext } from '../../http/http-context';
import type { DavKind } from './dav-kind';
import { httpRequest, type HttpResponse } from '../../http/request';

function toItem(href: string, res: HttpResponse, kind: DavKind): RemoteItem | RemoteItemFailure {
  if (res.status !== 200) {
    const text = res.statusText ? ` ${res.statusText}` : '';
    return { href, error: `The server answered ${res.status}${text} for this ${kind.noun} item` };
  }
  if (/html/i.test(res.contentType)) return { href, error: t('davItemWebPage') };
  if (res.lossy) {
    // The mirror keeps text exactly as served; replacing bytes would store something the
    // server never held. RFC 6350 §3.1 and RFC 5545 §3.1.4 make UTF-8 the charset.
    return { href, error: t('davItemNotUtf8') };
  }
  if (res.body === '') return { href, error: t('davItemEmpty') };
  return { href, etag: res.etag ?? '', data: res.body };
}

/**
 * GETs one item. Answers with the item or why it failed; throws only what stops the whole run
 * (no connection, refused credentials, a server asking to wait), like multiget does.
 */
export function fetchOne(ctx: HttpContext, kind: DavKind, href: string): Promise<RemoteItem | RemoteItemFailure> {
  return httpRequest(ctx, { method: 'GET', url: href }, (res) => toItem(href, res, kind));
}
