// One Graph GET through the HTTP layer: bearer token (renewed once after a 401, sent to Graph's
// own origin only), timeouts, per-host limits, a JSON page read up to its cap, and 429/503
// retried after Retry-After, as Graph's throttling guidance asks
// (https://learn.microsoft.com/en-us/graph/throttling).
import type { HttpContext } from '../../http/http-context';
import { HttpError } from '../../http/http-errors';
import { PageGuard } from '../../http/page-guard';
import { httpRequest } from '../../http/request';
import { parseJsonBody } from '../../http/json-body';
import { t } from '../../catalog/catalog-text';

/**
 * 410 Gone on a delta link: the service no longer holds that sync state ("resyncRequired",
 * https://learn.microsoft.com/en-us/graph/delta-query-overview). It means a full listing
 * compared with the mirror, never an empty folder.
 */
export class DeltaExpiredError extends Error {
  readonly code = 'invalid-sync-token';

  constructor() {
    super(t('graphDeltaExpired'));
    this.name = 'DeltaExpiredError';
  }
}

export async function graphGet<T>(ctx: HttpContext, url: string): Promise<T> {
  return httpRequest(ctx, { method: 'GET', url, bodyKind: 'json' }, (res) => {
    if (res.status === 410) throw new DeltaExpiredError();
    if (res.status !== 200) throw new HttpError(res.url, res.status, res.statusText);
    return parseJsonBody(res.url, res.body) as T;
  });
}


export interface GraphPage<T> {
  value: T[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

/**
 * Every page of a collection or a delta round: follows @odata.nextLink to the end. A link
 * already followed, or more pages than the guard allows, ends the listing with an error
 * (page-guard.ts) instead of looping; a link to another host is refused by the HTTP layer
 * before the token is sent (credential-policy.ts).
 */
export async function graphPages<T>(ctx: HttpContext, first: string, maxPages?: number): Promise<{ items: T[]; deltaLink: string | null }> {
  const items: T[] = [];
  const guard = new PageGuard({ url: first, ...(maxPages === undefined ? {} : { maxPages }) });
  let url: string | undefined = first;
  let deltaLink: string | null = null;
  while (url) {
    guard.visit(url);
    const page: GraphPage<T> = await graphGet<GraphPage<T>>(ctx, url);
    items.push(...page.value);
    deltaLink = page['@odata.deltaLink'] ?? deltaLink;
    url = page['@odata.nextLink'];
  }
  return { items, deltaLink };
}
