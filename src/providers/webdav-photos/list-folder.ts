// One folder's members: PROPFIND Depth 1 (RFC 4918 §9.1), never Depth infinity, which many
// servers refuse (RFC 4918 §9.1 lets them; Nextcloud and Apache mod_dav do by default). The
// ownCloud namespace is asked for its checksums; servers that do not know it answer 404 for
// that property alone.
import type { HttpContext } from '../../http/http-context';
import { XMLNS } from '../dav/dav-kind';
import { sameResource } from '../dav/dav-href';
import { propText, type DavEntry } from '../dav/dav-multistatus';
import { davMultistatus } from '../dav/dav-propfind';
import { child, textOf } from '../dav/dav-xml';
import type { RemotePhoto } from '../../model/photo-source';
import { photoMediaType } from './media-types';
import { digestFromEtag, digestsFromChecksums } from './server-digests';

const OC = 'xmlns:oc="http://owncloud.org/ns"';
const PROPS = ['D:resourcetype', 'D:getetag', 'D:getlastmodified', 'D:getcontentlength', 'D:getcontenttype', 'oc:checksums'];
const BODY = `<?xml version="1.0" encoding="utf-8"?><D:propfind ${XMLNS} ${OC}><D:prop>${PROPS.map((p) => `<${p}/>`).join('')}</D:prop></D:propfind>`;

export interface FolderListing {
  photos: Array<Omit<RemotePhoto, 'folder'>>;
  folders: string[];
}

function isFolder(entry: DavEntry): boolean {
  const type = entry.props.resourcetype;
  return entry.href.endsWith('/') || (type !== undefined && typeof type !== 'string' && 'collection' in type);
}

/** The last path segment, decoded: what a person calls the file. */
export function fileName(href: string): string {
  const segments = new URL(href).pathname.split('/').filter(Boolean);
  const last = segments[segments.length - 1] ?? '';
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

function photoOf(entry: DavEntry): Omit<RemotePhoto, 'folder'> | null {
  const name = fileName(entry.href);
  // Hidden files (.DS_Store, ._IMG_1.jpg resource forks, .thumbnails) are no one's photos.
  if (name.startsWith('.')) return null;
  const mime = photoMediaType(name, propText(entry, 'getcontenttype') ?? null);
  if (!mime) return null;
  const lastModified = propText(entry, 'getlastmodified') ?? null;
  const length = Number(propText(entry, 'getcontentlength') ?? NaN);
  const size = Number.isFinite(length) ? length : null;
  // Without an ETag, the date and size stand in: a file replaced in place changes one of them.
  const etag = propText(entry, 'getetag') ?? `modified ${lastModified ?? ''} size ${size ?? ''}`;
  const held = entry.props.checksums;
  const checksums = held === undefined || Array.isArray(held) ? '' : textOf(child(held, 'checksum'));
  return { href: entry.href, name, etag, size, mime, lastModified, digests: [...digestsFromChecksums(checksums), ...digestFromEtag(etag)] };
}

export async function listFolder(ctx: HttpContext, folderUrl: string): Promise<FolderListing> {
  const answer = await davMultistatus(ctx, { method: 'PROPFIND', url: folderUrl, depth: '1', body: BODY });
  const listing: FolderListing = { photos: [], folders: [] };
  for (const entry of answer.entries) {
    if ((entry.status !== undefined && entry.status !== 200) || sameResource(entry.href, answer.url) || sameResource(entry.href, folderUrl)) continue;
    if (isFolder(entry)) {
      if (!fileName(entry.href).startsWith('.')) listing.folders.push(entry.href.endsWith('/') ? entry.href : `${entry.href}/`);
      continue;
    }
    const photo = photoOf(entry);
    if (photo) listing.photos.push(photo);
  }
  return listing;
}
