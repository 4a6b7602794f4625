// RFC 6578 sync-collection REPORT: what changed in a collection since a token.
import { isFailure, type RemoteItem, type RemoteItemRef } from '../../model/source';
import { refusedHref } from '../../http/credential-check';
import { BadResponseError, isTransient } from '../../http/transient-errors';
import { dataElement, toItem, type MultigetOptions } from './multiget';
import type { HttpContext } from '../../http/http-context';
import { AuthError, HttpError } from '../../http/http-errors';
import { InvalidSyncTokenError, NotDavError } from './dav-errors';
import { sameResource } from './dav-href';
import { isItemMediaType, XMLNS, type DavKind } from './dav-kind';
import { propText, type DavEntry } from './dav-multistatus';
import { expectMultistatus, type MultistatusAnswer } from './dav-propfind';
import { PageGuard } from '../../http/page-guard';
import { httpRequest, type HttpResponse } from '../../http/request';
import { containsElement, escapeXml, parseXml } from './dav-xml';
import { listingTimeoutMs } from './listing-time-limit';

export interface SyncDelta {
  changed: RemoteItemRef[];
  /** Absolute hrefs of members removed since the token. */
  removed: string[];
  syncToken: string;
  /** Changed members whose text the answer carried (asked with `carry`), as a multiget reads them. */
  carried: RemoteItem[];
}

export interface SyncCollectionOptions {
  /** Rounds of a truncated answer (§3.6) followed at most. */
  maxRounds?: number;
  /**
   * Ask the changed members' texts in the same REPORT, as a multiget asks them: §3.2 lets the
   * request name any property, so a sync of a few changes costs one request rather than two.
   */
  carry?: MultigetOptions;
}

function requestBody(token: string, data: string): string {
  // sync-level 1 (§3.3): members only, not the contents of sub-collections.
  return (
    `<?xml version="1.0" encoding="utf-8"?><D:sync-collection ${XMLNS}>` +
    `<D:sync-token>${escapeXml(token)}</D:sync-token><D:sync-level>1</D:sync-level>` +
    `<D:prop><D:getetag/><D:getcontenttype/>${data}</D:prop></D:sync-collection>`
  );
}

/**
 * An answer carrying texts that had to be altered to decode is listed again without them: the
 * texts are then fetched one multiget at a time, where such an answer is split (multiget.ts).
 */
function readCarryingAnswer(res: HttpResponse): MultistatusAnswer {
  const answer = readAnswer(res);
  if (res.lossy) throw new BadResponseError(res.url, false);
  return answer;
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

/** One round's answer, hrefs and ETags only. §3.2: the report is defined for Depth 0 only. */
function plainAnswer(ctx: HttpContext, collectionUrl: string, token: string): Promise<MultistatusAnswer> {
  return httpRequest(ctx, { method: 'REPORT', url: collectionUrl, depth: '0', body: requestBody(token, ''), timeoutMs: listingTimeoutMs(ctx) }, readAnswer);
}

/**
 * The first round's answer with the changed texts where `carry` asks for them. A failure that
 * holds whatever the properties asked (refused credentials, a passing failure, a report the
 * server does not offer, a token it names as unknown) ends the listing as it would without
 * them; any other is asked again without the texts, and the changed items are then fetched as
 * usual: a server that will not name the text in this report (a 400 would otherwise read as a
 * rejected token, a 500), an answer larger than the delta cap (http/body-caps.ts), texts that
 * did not decode as served.
 */
async function firstAnswer(ctx: HttpContext, kind: DavKind, collectionUrl: string, token: string, carry: MultigetOptions | undefined): Promise<{ answer: MultistatusAnswer; carrying: boolean }> {
  const plain = async () => ({ answer: await plainAnswer(ctx, collectionUrl, token), carrying: false });
  if (carry === undefined) return plain();
  try {
    const body = requestBody(token, dataElement(kind, carry));
    return { answer: await httpRequest(ctx, { method: 'REPORT', url: collectionUrl, depth: '0', body, bodyKind: 'delta', timeoutMs: listingTimeoutMs(ctx) }, readCarryingAnswer), carrying: true };
  } catch (error) {
    if (isTransient(error) || error instanceof AuthError || error instanceof NotDavError) throw error;
    // The precondition named (403, 409) or a 410 is about the token, whatever the properties.
    if (error instanceof InvalidSyncTokenError && error.status !== 400) throw error;
    return plain();
  }
}

export async function syncCollection(
  ctx: HttpContext,
  kind: DavKind,
  collectionUrl: string,
  token: string,
  options: SyncCollectionOptions = {},
): Promise<SyncDelta> {
  const maxRounds = options.maxRounds ?? 1000;
  const changes = new Map<string, Change>();
  const carried = new Map<string, RemoteItem>();
  // A token seen before while the server says "more" would loop: the guard ends the listing.
  const guard = new PageGuard({ url: collectionUrl, maxPages: maxRounds });
  let current = token;
  for (let round = 0; round < maxRounds; round++) {
    guard.visit(current);
    // Only the first round carries texts: a truncated answer's later rounds could add up to any size.
    const { answer, carrying } = round === 0 ? await firstAnswer(ctx, kind, collectionUrl, current, options.carry) : { answer: await plainAnswer(ctx, collectionUrl, current), carrying: false };
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
      carried.delete(entry.href);
      const item = carrying && change !== 'removed' ? carriedItem(ctx, entry, kind) : undefined;
      if (item !== undefined) carried.set(entry.href, item);
    }
    const next = answer.syncToken;
    if (next === undefined || next === '') throw new HttpError(answer.url, 207, 'without a sync token');
    if (!truncated) return { ...toDelta(changes, next), carried: [...carried.values()] };
    current = next;
  }
  throw new HttpError(collectionUrl, 507, 'still truncated after many rounds');
}

/**
 * A changed member's text as the answer carried it, read as a multiget's (multiget.ts); none
 * for a member without its text (the server left it out) or on a host the account's
 * credentials do not go to: those are fetched, or refused, as a multiget would.
 */
function carriedItem(ctx: HttpContext, entry: DavEntry, kind: DavKind): RemoteItem | undefined {
  if (refusedHref(ctx, entry.href) !== null) return undefined;
  const item = toItem(entry, kind);
  return isFailure(item) ? undefined : item;
}

function toDelta(changes: Map<string, Change>, syncToken: string): Omit<SyncDelta, 'carried'> {
  const changed: RemoteItemRef[] = [];
  const removed: string[] = [];
  for (const [href, change] of changes) {
    if (change === 'removed') removed.push(href);
    else changed.push({ href, etag: change.etag });
  }
  return { changed, removed, syncToken };
}
