// addressbook-multiget (RFC 6352 §8.7) / calendar-multiget (RFC 4791 §7.9): many items' text
// in one REPORT. The text is kept exactly as served: it is what the mirror stores and exports.
import { t } from '../../catalog/catalog-text';
import type { RemoteItem, RemoteItemFailure } from '../../model/source';
import type { HttpContext } from '../../http/http-context';
import { AuthError } from '../../http/http-errors';
import { NotDavError } from './dav-errors';
import { absoluteHref, hrefForBody } from './dav-href';
import { XMLNS, type DavKind } from './dav-kind';
import { propText, type DavEntry } from './dav-multistatus';
import { expectMultistatus, type MultistatusAnswer } from './dav-propfind';
import { httpRequest, type HttpResponse } from '../../http/request';
import { fetchOne } from './fetch-one';
import { refusedHref } from '../../http/credential-check';
import { BadResponseError, isTransient } from '../../http/transient-errors';
import { escapeXml, textOf } from './dav-xml';
import { addressDataElement, type VcardVersion } from './address-data';

export const DEFAULT_MULTIGET_BATCH = 100;

/**
 * The most hrefs one REPORT carries when the engine sizes its batches by bytes
 * (sync/batch-sizer.ts): the engine's batch is then one request. Radicale answers one multiget
 * of 10,000 hrefs as fast as 100 of 100, but a request body of 1,000 hrefs (about 80 KB) is
 * within what every server here accepts.
 */
export const MAX_MULTIGET_HREFS = 1000;

/** What one multiget REPORT asks for. */
export interface MultigetOptions {
  /** Address books: the vCard version to ask for (see address-data.ts); unset, the default. */
  vcardVersion?: VcardVersion | undefined;
}

/** The item text's property in a REPORT's prop: address-data (in the version asked) or calendar-data. */
export function dataElement(kind: DavKind, options: MultigetOptions): string {
  if (kind.kind === 'addressbook') return addressDataElement(kind.prefix, options.vcardVersion);
  return `<${kind.prefix}:${kind.dataProperty}/>`;
}

function requestBody(kind: DavKind, hrefs: string[], collectionUrl: string, options: MultigetOptions): string {
  const tag = `${kind.prefix}:${kind.multiget}`;
  const list = hrefs.map((h) => `<D:href>${escapeXml(hrefForBody(h, collectionUrl))}</D:href>`).join('');
  return (
    `<?xml version="1.0" encoding="utf-8"?><${tag} ${XMLNS}>` +
    `<D:prop><D:getetag/>${dataElement(kind, options)}</D:prop>${list}</${tag}>`
  );
}

function pathOf(href: string): string {
  const u = new URL(href);
  return u.pathname + u.search;
}

/** One multistatus response that was asked for the item's text: the item, or why it has none. */
export function toItem(entry: DavEntry, kind: DavKind): RemoteItem | RemoteItemFailure {
  if (entry.status !== undefined && entry.status !== 200) {
    return { href: entry.href, error: entry.statusText ?? `HTTP ${entry.status}` };
  }
  const value = entry.props[kind.dataProperty];
  // Not trimmed: a vCard ends with CRLF, and that is part of what the server served.
  const data = value === undefined || Array.isArray(value) ? '' : textOf(value);
  if (data === '') {
    const status = entry.failed[kind.dataProperty];
    return { href: entry.href, error: status ? t('davItemPropertyStatus', status, kind.dataProperty) : t('davItemNoData') };
  }
  return { href: entry.href, etag: propText(entry, 'getetag') ?? '', data };
}

/**
 * Failures of a whole batch that splitting cannot cure: passing ones (transient-errors.ts) and
 * refused credentials. They end the run, and its cursor stays unsaved so the next run asks
 * again; turning them into per-item failures would let the engine save a cursor past items it
 * never stored.
 */
function stopsTheRun(error: unknown): boolean {
  return isTransient(error) || error instanceof AuthError;
}

/** A multiget answer whose text had to be altered to decode is not kept: see fetch-one.ts. */
function readAnswer(res: HttpResponse): MultistatusAnswer {
  const answer = expectMultistatus(res);
  if (res.lossy) throw new BadResponseError(res.url, false);
  return answer;
}

async function fetchBatch(
  ctx: HttpContext,
  kind: DavKind,
  collectionUrl: string,
  hrefs: string[],
  options: MultigetOptions,
): Promise<Array<RemoteItem | RemoteItemFailure>> {
  let entries: DavEntry[];
  try {
    const body = requestBody(kind, hrefs, collectionUrl, options);
    // RFC 6352 §8.7 asks for Depth 0; RFC 4791 §7.9 says clients should not send one.
    const depth = kind.kind === 'addressbook' ? ('0' as const) : undefined;
    entries = (await httpRequest(ctx, { method: 'REPORT', url: collectionUrl, depth, body }, readAnswer)).entries;
  } catch (error) {
    if (stopsTheRun(error)) throw error;
    // 405/501: the server has no multiget at all (RFC 6352 makes it a MUST, yet): GET each.
    if (error instanceof NotDavError) return Promise.all(hrefs.map((href) => fetchOne(ctx, kind, href)));
    // One bad item can fail a whole batch (a 500, XML the server broke, bytes that are not
    // UTF-8): halve the batch until the bad item stands alone, so the others still arrive.
    // ~2·log2(batch) extra requests per bad item; at worst (every item bad) ~3 per item.
    const [only] = hrefs;
    if (hrefs.length === 1 && only !== undefined) return [await fetchOne(ctx, kind, only)];
    const half = Math.ceil(hrefs.length / 2);
    return [
      ...(await fetchBatch(ctx, kind, collectionUrl, hrefs.slice(0, half), options)),
      ...(await fetchBatch(ctx, kind, collectionUrl, hrefs.slice(half), options)),
    ];
  }
  // Matched by path: after a redirect the answer's hrefs resolve against another origin.
  const byPath = new Map<string, RemoteItem | RemoteItemFailure>();
  for (const entry of entries) {
    const path = pathOf(entry.href);
    if (!byPath.has(path)) byPath.set(path, toItem(entry, kind));
  }
  // Answered in request order and under the requested href; an href the server skipped is a
  // failure too, never a silent gap.
  return hrefs.map((href) => {
    const found = byPath.get(pathOf(href));
    return found ? { ...found, href } : { href, error: t('davItemMissing') };
  });
}

/** Fetches items in batches of `batchSize`; failed items are reported, never thrown. */
export async function multiget(
  ctx: HttpContext,
  kind: DavKind,
  collectionUrl: string,
  hrefs: string[],
  batchSize = DEFAULT_MULTIGET_BATCH,
  options: MultigetOptions = {},
): Promise<Array<RemoteItem | RemoteItemFailure>> {
  const size = Math.max(1, Math.floor(batchSize));
  const all = hrefs.map((h) => absoluteHref(h, collectionUrl));
  // An href on a host the account is not bound to is reported, never asked for (http/credential-policy.ts).
  const refused = new Map(all.flatMap((href) => { const why = refusedHref(ctx, href); return why === null ? [] : [[href, why] as const]; }));
  const wanted = all.filter((href) => !refused.has(href));
  const fetched = new Map<string, RemoteItem | RemoteItemFailure>();
  for (let start = 0; start < wanted.length; start += size) {
    for (const result of await fetchBatch(ctx, kind, collectionUrl, wanted.slice(start, start + size), options)) fetched.set(result.href, result);
  }
  return all.map((href) => (refused.has(href) ? { href, error: refused.get(href)! } : (fetched.get(href) ?? { href, error: t('davItemMissing') })));
}
