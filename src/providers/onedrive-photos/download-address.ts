// Where a file's bytes can be fetched: a pre-authenticated address on a storage host (files.1drv.com,
// *.sharepoint.com), valid for a short time and needing no token
// (https://learn.microsoft.com/en-us/graph/api/driveitem-get-content). A delta page usually
// carries one per file; when it is missing or has expired, the item is asked for it
// (`?select=id,@microsoft.graph.downloadUrl`, the way the page recommends for scripts), and
// when even that has none, `/content` is asked with `redirect: 'manual'` and its 302 Location
// read. Never `redirect: 'follow'` with the token: the redirect leads to another host, and the
// bearer token must reach Graph only (the HTTP layer's policy would refuse that host anyway).
import { exchange } from '../../http/exchange';
import type { HttpContext } from '../../http/http-context';
import { graphGet } from '../microsoft/graph-request';
import type { DriveItem } from './drive-item';
import { t } from '../../catalog/catalog-text';

/** Graph named no address to download from (a browser hides a redirect's Location from scripts). */
export class NoDownloadAddressError extends Error {
  constructor(name: string) {
    super(t('oneDriveNoAddress', name));
  }
}

/** The pre-authenticated address a driveItem carries, if it is a web address. */
export function listedAddress(item: DriveItem): string | null {
  const url = item['@microsoft.graph.downloadUrl'];
  return typeof url === 'string' && /^https?:\/\//i.test(url) ? url : null;
}

async function contentRedirect(ctx: HttpContext, href: string, name: string): Promise<string> {
  const url = `${href}/content`;
  const res = await exchange(ctx, { method: 'GET', url, redirect: 'manual', bodyKind: 'json' });
  const target = res.status >= 300 && res.status < 400 && res.location ? new URL(res.location, url) : null;
  if (!target || (target.protocol !== 'https:' && target.protocol !== 'http:')) throw new NoDownloadAddressError(name);
  return target.href;
}

/** A fresh address for the item at `href` (its Graph URL). */
export async function freshAddress(ctx: HttpContext, href: string, name: string): Promise<string> {
  const item = await graphGet<DriveItem>(ctx, `${href}?select=id,@microsoft.graph.downloadUrl`);
  return listedAddress(item) ?? contentRedirect(ctx, href, name);
}
