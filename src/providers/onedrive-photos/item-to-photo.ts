// A driveItem as the photo engine sees it: only files that are photos or videos (by name first,
// as for WebDAV folders, then by the file facet's media type), addressed by item id, versioned
// by what changes with the content, with the digests Graph states for it.
import type { RemotePhoto, ServerDigest } from '../../model/photo-source';
import { photoMediaType } from '../webdav-photos/media-types';
import { base64ToHex } from '../webdav-photos/server-digests';
import type { DriveHashes, DriveItem } from './drive-item';

/**
 * QuickXorHash's 20 bytes as lower-case hex, from the base64 Graph writes, or the URL-safe
 * base64 some tools write ('-' and '_', the padding left out); null for anything else.
 */
export function quickXorHex(value: string | undefined): string | null {
  const standard = value?.trim().replace(/-/g, '+').replace(/_/g, '/');
  if (!standard || !/^[A-Za-z0-9+/]{27}=?$/.test(standard)) return null;
  return base64ToHex(standard.padEnd(28, '='));
}

/**
 * Every hash Graph states, for the engine to check the download against as it hashes it: it
 * picks the strongest (verify-download.ts), so `sha1Hash` and `sha256Hash` (OneDrive personal)
 * win over `quickXorHash`, which is all OneDrive for Business states.
 * https://learn.microsoft.com/en-us/graph/api/resources/hashes
 */
export function digestsOf(hashes: DriveHashes | undefined): ServerDigest[] {
  const found: ServerDigest[] = [];
  const hex = (value: string | undefined, length: number) => (value && new RegExp(`^[0-9a-f]{${length}}$`, 'i').test(value) ? value.toLowerCase() : null);
  const sha1 = hex(hashes?.sha1Hash, 40);
  const sha256 = hex(hashes?.sha256Hash, 64);
  const quickXor = quickXorHex(hashes?.quickXorHash);
  if (sha1) found.push({ algorithm: 'sha-1', hex: sha1, origin: 'OneDrive sha1Hash' });
  if (sha256) found.push({ algorithm: 'sha-256', hex: sha256, origin: 'OneDrive sha256Hash' });
  if (quickXor) found.push({ algorithm: 'quickxor', hex: quickXor, origin: 'OneDrive quickXorHash' });
  return found;
}

/**
 * The version the planner compares: the cTag, which changes with the content and not with a
 * rename; OneDrive for Business leaves it out of delta answers, so there the content's hash
 * stands in; the eTag (which a rename changes too) only when neither exists.
 */
export function contentVersion(item: DriveItem): string {
  const hashes = item.file?.hashes;
  return item.cTag ?? hashes?.quickXorHash ?? hashes?.sha256Hash ?? hashes?.sha1Hash ?? item.eTag ?? `modified ${item.lastModifiedDateTime ?? ''} size ${item.size ?? ''}`;
}

/** The photo or video `item` is, or null for a folder, a deleted item, a document. */
export function photoOf(item: DriveItem, href: string, album: string): RemotePhoto | null {
  if (!item.file || item.deleted || item.package || !item.name) return null;
  // Hidden files (._IMG_1.jpg resource forks) are no one's photos, as in WebDAV folders.
  if (item.name.startsWith('.')) return null;
  const mime = photoMediaType(item.name, item.file.mimeType ?? null);
  if (!mime) return null;
  return {
    href,
    name: item.name,
    etag: contentVersion(item),
    size: typeof item.size === 'number' && item.size >= 0 ? item.size : null,
    mime,
    lastModified: item.lastModifiedDateTime ?? null,
    folder: album,
    digests: digestsOf(item.file.hashes),
  };
}
