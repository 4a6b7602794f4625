// Creates one item on a DAV server, never overwriting: PUT with If-None-Match: * (RFC 9110
// §13.1.2; RFC 6352 §6.3.2 and RFC 4791 §5.3.2 for address and calendar objects). Used by
// restore, where running twice must not duplicate or overwrite anything: a second PUT to the
// same name answers 412, and a UID the collection already holds under another name fails the
// no-uid-conflict precondition (RFC 6352 §6.3.2.1, RFC 4791 §5.3.2.1).
import type { HttpContext } from '../../http/http-context';
import { httpRequest } from '../../http/request';

export type PutOutcome = { outcome: 'created' } | { outcome: 'exists' } | { outcome: 'refused'; reason: string };

export function putNewItem(ctx: HttpContext, url: string, body: string, mediaType: string): Promise<PutOutcome> {
  return httpRequest(ctx, { method: 'PUT', url, body, contentType: `${mediaType}; charset=utf-8`, ifNoneMatch: '*' }, (res) => {
    if (res.status === 201 || res.status === 204 || res.status === 200) return { outcome: 'created' };
    if (res.status === 412 || /no-uid-conflict/.test(res.body)) return { outcome: 'exists' };
    const why = res.body.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 200);
    return { outcome: 'refused', reason: `The server answered ${res.status}${res.statusText ? ` ${res.statusText}` : ''}${why ? `: ${why}` : ''}` };
  });
}
