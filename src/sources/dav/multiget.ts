// addressbook-multiget (RFC 6352 §8.7) / calendar-multiget (RFC 4791 §7.9): many items' text
// in one REPORT. The text is kept exactly as served: it is what the mirror stores and exports.
import type { RemoteItem, RemoteItemFailure } from '../source';
import type { DavContext } from './dav-connection';
import { AuthError, NetworkError } from './dav-errors';
import { absoluteHref, hrefForBody } from './dav-href';
import { XMLNS, type DavKind } from './dav-kind';
import { propText, type DavEntry } from './dav-multistatus';
import { davMultistatus } from './dav-propfind';
import { escapeXml, textOf } from './dav-xml';

export const DEFAULT_MULTIGET_BATCH = 100;

function requestBody(kind: DavKind, hrefs: string[], collectionUrl: string): string {
  const tag = `${kind.prefix}:${kind.multiget}`;
  const list = hrefs.map((h) => `<D:href>${escapeXml(hrefForBody(h, collectionUrl))}</D:href>`).join('');
  return (
    `<?xml version="1.0" encoding="utf-8"?><${tag} ${XMLNS}>` +
    `<D:prop><D:getetag/><${kind.prefix}:${kind.dataProperty}/></D:prop>${list}</${tag}>`
  );
}

function pathOf(href: string): string {
  const u = new URL(href);
  return u.pathname + u.search;
}

function toItem(entry: DavEntry, kind: DavKind): RemoteItem | RemoteItemFailure {
  if (entry.status !== undefined && entry.status !== 200) {
    return { href: entry.href, error: entry.statusText ?? `HTTP ${entry.status}` };
  }
  const value = entry.props[kind.dataProperty];
  // Not trimmed: a vCard ends with CRLF, and that is part of what the server served.
  const data = value === undefined || Array.isArray(value) ? '' : textOf(value);
  if (data === '') {
    const status = entry.failed[kind.dataProperty];
    return { href: entry.href, error: status ? `HTTP ${status} for ${kind.dataProperty}` : 'no data in the answer' };
  }
  return { href: entry.href, etag: propText(entry, 'getetag') ?? '', data };
}

async function fetchBatch(
  ctx: DavContext,
  kind: DavKind,
  collectionUrl: string,
  hrefs: string[],
): Promise<Array<RemoteItem | RemoteItemFailure>> {
  let entries: DavEntry[];
  try {
    const body = requestBody(kind, hrefs, collectionUrl);
    // RFC 6352 §8.7 asks for Depth 0; RFC 4791 §7.9 says clients should not send one.
    const depth = kind.kind === 'addressbook' ? ('0' as const) : undefined;
    entries = (await davMultistatus(ctx, { method: 'REPORT', url: collectionUrl, depth, body })).entries;
  } catch (error) {
    // Without a connection or credentials nothing can succeed: that is the caller's to handle.
    if (error instanceof NetworkError || error instanceof AuthError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    return hrefs.map((href) => ({ href, error: message }));
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
    return found ? { ...found, href } : { href, error: 'missing from the server answer' };
  });
}

/** Fetches items in batches of `batchSize`; failed items are reported, never thrown. */
export async function multiget(
  ctx: DavContext,
  kind: DavKind,
  collectionUrl: string,
  hrefs: string[],
  batchSize = DEFAULT_MULTIGET_BATCH,
): Promise<Array<RemoteItem | RemoteItemFailure>> {
  const size = Math.max(1, Math.floor(batchSize));
  const wanted = hrefs.map((h) => absoluteHref(h, collectionUrl));
  const results: Array<RemoteItem | RemoteItemFailure> = [];
  for (let start = 0; start < wanted.length; start += size) {
    results.push(...(await fetchBatch(ctx, kind, collectionUrl, wanted.slice(start, start + size))));
  }
  return results;
}
