// The iCloud Photos library behind the CloudKit reproduction: zones, the photos in them, and a
// change log per zone from which sync tokens are cut.
// - The private database holds PrimarySync and, once the person uses an iCloud Shared Photo
//   Library, a SharedSync-<UUID> zone; the shared database lists no zone (timlaing/pyicloud
//   tests/fixtures/photos_shared_library_private_zones_response.json and
//   …_shared_zones_response.json, taken from the browser; icloudpd's older cassettes list
//   SharedSync under the shared database instead).
// - Each photo is two records: a CPLMaster (the original's file) and a CPLAsset (what the
//   library shows: date, favourite, hidden, deleted, the edit), the asset's masterRef naming its
//   master (icloudpd pyicloud_ipd/services/photos.py `PhotoAlbum.photos`).
// - Deleting moves a photo to Recently Deleted: its CPLAsset changes with isDeleted = 1
//   (timlaing/pyicloud tests/fixtures/photos_zone_changes_response.json); expunging leaves
//   tombstones {recordName, deleted: true} in the zone's changes (same fixture).
// - Albums are CPLAlbum records (albumNameEnc, albumType 0 for an album and 3 for a folder,
//   parentId for one inside a folder: icloud-photos-sync query-parser.ts `CPLAlbum`, album.ts
//   `AlbumType`); a photo's place in an album is a CPLContainerRelation record.
// - A sync token names a point in a zone's change log; it is opaque to clients (base64 here).
import { randomBytes, randomUUID } from 'node:crypto';

export const PRIMARY_ZONE = 'PrimarySync';

export interface PhotoSeed {
  filename: string;
  bytes: Uint8Array;
  /** The original's type as a UTI: public.jpeg (default), public.heic, com.apple.quicktime-movie … */
  fileType?: string;
  /** When it was taken, ms since 1970 (CPLAsset assetDate). */
  takenAt: number;
  width?: number;
  height?: number;
  /** The edited version's JPEG (CPLAsset resJPEGFullRes). */
  edited?: Uint8Array;
  /** A Live Photo's video part (CPLMaster resOriginalVidComplRes). */
  liveVideo?: Uint8Array;
  favorite?: boolean;
  hidden?: boolean;
}

export interface LibraryPhoto extends PhotoSeed {
  zone: string;
  assetName: string;
  masterName: string;
  addedAt: number;
  state: 'live' | 'recently-deleted' | 'expunged';
  /** When it went to Recently Deleted. */
  deletedAt?: number;
}

export interface LibraryAlbum {
  recordName: string;
  name: string;
  folder: boolean;
  parentId?: string;
  /** CPLAsset record names, in album order. */
  members: string[];
}

interface Zone {
  name: string;
  seq: number;
  /** recordName → the seq of its latest change. */
  changed: Map<string, number>;
}

export class PhotoLibrary {
  readonly ownerRecordName = `_${randomUUID().replaceAll('-', '')}`;
  readonly photos = new Map<string, LibraryPhoto>();
  readonly albums = new Map<string, LibraryAlbum>();
  private readonly zones = new Map<string, Zone>([[PRIMARY_ZONE, { name: PRIMARY_ZONE, seq: 1, changed: new Map() }]]);
  private photosActivated = true;
  private lastDeletion = 0;

  zoneNames(): string[] {
    return this.photosActivated ? [...this.zones.keys()] : [];
  }

  hasZone(name: string): boolean {
    return this.photosActivated && this.zones.has(name);
  }

  /** iCloud Photos not set up: PrimarySync is missing (ZONE_NOT_FOUND). */
  deactivate(): void {
    this.photosActivated = false;
  }

  addSharedLibrary(): string {
    const name = `SharedSync-${randomUUID().toUpperCase()}`;
    this.zones.set(name, { name, seq: 1, changed: new Map() });
    return name;
  }

  put(seed: PhotoSeed, zone = PRIMARY_ZONE): LibraryPhoto {
    const photo: LibraryPhoto = { ...seed, zone, assetName: randomUUID().toUpperCase(), masterName: randomMasterName(), addedAt: Date.now(), state: 'live' };
    this.photos.set(photo.assetName, photo);
    this.record(zone, photo.masterName, photo.assetName);
    return photo;
  }

  /** An album (or a folder of albums) in PrimarySync, inside `parentId` when given. */
  putAlbum(name: string, options: { folder?: boolean; parentId?: string } = {}): LibraryAlbum {
    const album: LibraryAlbum = { recordName: randomUUID().toUpperCase(), name, folder: options.folder ?? false, parentId: options.parentId, members: [] };
    this.albums.set(album.recordName, album);
    this.record(PRIMARY_ZONE, album.recordName);
    return album;
  }

  addToAlbum(albumName: string, assetName: string): void {
    this.albums.get(albumName)!.members.push(assetName);
    this.record(PRIMARY_ZONE, albumName);
  }

  /** An edit, a favourite, a deletion …: the CPLAsset changes, the master stays. */
  update(assetName: string, change: Partial<PhotoSeed> & { state?: LibraryPhoto['state'] }): LibraryPhoto {
    const photo = this.photos.get(assetName)!;
    // Strictly increasing, so that Recently Deleted keeps the order of deletion within a millisecond.
    if (change.state === 'recently-deleted') this.lastDeletion = photo.deletedAt = Math.max(Date.now(), this.lastDeletion + 1);
    Object.assign(photo, change);
    this.record(photo.zone, ...(photo.state === 'expunged' ? [photo.masterName, photo.assetName] : [photo.assetName]));
    return photo;
  }

  /** The zone's current sync token. */
  token(zone: string): string {
    return encodeToken(zone, this.zones.get(zone)!.seq);
  }

  /**
   * Record names changed since `token` (all live ones without a token), oldest change first, at
   * most `limit`, and the token that continues after the last one.
   */
  changesSince(zone: string, token: string | null, limit: number): { names: string[]; token: string; moreComing: boolean } | 'bad-token' {
    const z = this.zones.get(zone)!;
    const since = token === null ? 0 : decodeToken(token, zone);
    if (since === null || since > z.seq) return 'bad-token';
    const changed = [...z.changed].filter(([name, seq]) => seq > since && (token !== null || this.isLive(name))).sort((a, b) => a[1] - b[1]);
    const page = changed.slice(0, limit);
    const moreComing = changed.length > limit;
    return { names: page.map(([name]) => name), token: moreComing ? encodeToken(zone, page[page.length - 1]![1]) : this.token(zone), moreComing };
  }

  private isLive(recordName: string): boolean {
    if (this.albums.has(recordName)) return true;
    const photo = this.byRecord(recordName);
    return photo !== undefined && photo.state !== 'expunged';
  }

  byRecord(recordName: string): LibraryPhoto | undefined {
    return this.photos.get(recordName) ?? [...this.photos.values()].find((p) => p.masterName === recordName);
  }

  private record(zone: string, ...names: string[]): void {
    const z = this.zones.get(zone)!;
    for (const name of names) z.changed.set(name, ++z.seq);
  }
}

/** Master record names look like resOriginalFingerprint: 28 base64 characters. */
function randomMasterName(): string {
  return randomBytes(21).toString('base64');
}

function encodeToken(zone: string, seq: number): string {
  return Buffer.from(`${zone}\n${seq}`).toString('base64');
}

function decodeToken(token: string, zone: string): number | null {
  const [name, seq] = Buffer.from(token, 'base64').toString('utf8').split('\n');
  return name === zone && seq !== undefined && /^\d+$/.test(seq) ? Number(seq) : null;
}
