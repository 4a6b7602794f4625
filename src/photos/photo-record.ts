// A photo's record from what is known of it: where it came from, its bytes' digest, and the
// facts read from its EXIF or its Takeout sidecar (which wins: it carries what the person set).
import type { PhotoRecord } from '../model/photo';
import type { ExifFacts } from './read-exif';

export interface PhotoOrigin {
  accountId: string;
  path: string;
  name: string;
  etag: string;
  mime: string;
  albums: string[];
  description?: string | null;
}

export function photoId(accountId: string, path: string): string {
  return `${accountId}|${path}`;
}

export function photoRecord(origin: PhotoOrigin, file: { size: number; sha256: string }, facts: ExifFacts, now: number): PhotoRecord {
  return {
    id: photoId(origin.accountId, origin.path),
    accountId: origin.accountId,
    path: origin.path,
    name: origin.name,
    etag: origin.etag,
    size: file.size,
    mime: origin.mime,
    sha256: file.sha256,
    takenAt: facts.takenAt,
    sortAt: facts.takenAt ?? now,
    width: facts.width,
    height: facts.height,
    albums: origin.albums,
    description: origin.description ?? null,
    geo: facts.geo,
    firstSeenAt: now,
    updatedAt: now,
    deletedUpstreamAt: null,
    live: 1,
    thumb: 0,
    checkedAt: now,
    corruptAt: null,
  };
}
