// RFC 6578 sync-collection REPORT: what changed in a collection since a token.
import type { RemoteItemRef } from '../../model/source';
import type { HttpContext } from '../../http/http-context';
import { HttpError } from '../../http/http-errors';
import { InvalidSyncTokenError } from './dav-errors';
import { sameResource } from './dav-href';
import { isItemMediaType, XMLNS, type DavKind } from './dav-kind';
import { propText, type DavEntry } from './dav-multistatus';
import { expectMultistatus, type MultistatusAnswer } from './dav-propfind';
import { PageGuard } from '../../http/page-guard';
import { httpRequest, type HttpResponse } from '../../http/request';
import { containsElement, escapeXml, parseXml } from './dav-xml';

export interface SyncDelta {
  changed: RemoteItemRef[];
  /** Absolute hrefs of members removed since the token. */
  removed: string[];
  syncToken: string;
}

function requestBody(token: string): string {
  // sync-level 1 (§3.3): members only, not the contents of sub-collections.
  return (
    `<?xml version="1.0" encoding="utf-8"?><D:sync-collection ${XMLNS}>` +
    `<D:sync-token>${escapeXml(token)}</D:sync-token><D:sync-level>1</D:sync-level>` +
    '<D:prop><D:getetag/><D:getcontenttype/></D:prop></D:sync-collection>'
  );
}

/** §3.2: an unknown or expired token fails the DAV:valid-sync-token precondition. */
function isInvalidToken(res: HttpResponse): boolean {
  if (res.status === 400 || res.status === 410) return true;
  if (res.status !== 403 && res.status !== 409) return false;
  try {
    return containsElement(parseXml(res.body), 'valid-sync-token');
  } catch {
    return false;
  }
}

function readAnswer(res: HttpResponse): MultistatusAnswer {
  if (isInvalidToken(res)) throw new InvalidSyncTokenError(res.url, res.status);
  return expectMultistatus(res);
}

type Change = { etag: string } | 'removed';

function classify(entry: DavEntry, kind: DavKind): Change | undefined {
  // Members that are collections (iCloud lists the collection itself) are not items.
  if (entry.href.endsWith('/')) return undefined;
  // §3.5.1 / §3.5.2: a removed member comes back as a bare 404; a changed one with its props.
  if (entry.status === 404) return 'removed';
  if (entry.status !== undefined && (entry.status < 200 || entry.status >= 300)) return undefined;
  if (!isItemMediaType(kind, propText(entry, 'getcontenttype'))) return undefined;
  return { etag: propText(entry, 'getetag') ?? '' };
}

export async function syncCollection(
  ctx: HttpContext,
  kind: DavKind,
  collectionUrl: string,
  token: string,
  maxRounds = 1000,
): Promise<SyncDelta> {
  const changes = new Map<string, Change>();
  // A token seen before while the server says "more" would loop: the guard ends the listing.
  const guard = new PageGuard({ url: collectionUrl, maxPages: maxRounds });
  let current = token;
  for (let round = 0; round < maxRounds; round++) {
    guard.visit(current);
    // §3.2: the report is defined for Depth 0 only.
    const answer = await httpRequest(ctx, { method: 'REPORT', url: collectionUrl, depth: '0', body: requestBody(current) }, readAnswer);
    let truncated = false;
    for (const entry of answer.entries) {
      if (sameResource(entry.href, answer.url) || sameResource(entry.href, collectionUrl)) {
        // §3.6: 507 on the request-URI means "more to come: ask again with the new token".
        truncated ||= entry.status === 507;
        continue;
      }
      const change = classify(entry, kind);
      if (change === undefined) continue;
      // A later page is newer: it wins over an earlier one for the same href.
      changes.delete(entry.href);
      changes.set(entry.href, change);
    }
    const next = answer.syncToken;
    if (next === undefined || next === '') throw new HttpError(answer.url, 207, 'without a sync token');
    if (!truncated) return toDelta(changes, next);
    current = next;
  }
  throw new HttpError(collectionUrl, 507, 'still truncated after many rounds');
}

function toDelta(changes: Map<string, Change>, syncToken: string): SyncDelta {
  const changed: RemoteItemRef[] = [];
  const removed: string[] = [];
  for (const [href, change] of changes) {
    if (change === 'removed') removed.push(href);
    else changed.push({ href, etag: change.etag });
  }
  return { changed, removed, syncToken };
}
