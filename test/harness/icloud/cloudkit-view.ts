// What the CloudKit routes share: the library seen as CloudKit records of one zone, and the
// error answer (CloudKit Web Services Reference, "Error Codes").
import type { IcloudExchange } from './icloud-exchange';
import { albumRecord, assetRecord, masterRecord, tombstone, zoneId, type CkRecord, type RecordContext } from './cloudkit-records';
import type { PhotoLibrary } from './photo-library';
import { ckError } from './session-gate';

/** CloudKit caps resultsLimit; 200 is an assumption (icloud-photos-sync stays at 198). */
export const MAX_RESULTS = 200;

export type Body = Record<string, unknown>;

export class CloudKitView {
  constructor(
    readonly library: PhotoLibrary,
    private readonly addressFor: (bytes: Uint8Array, zone: string) => string,
  ) {}

  context(zone: string): RecordContext {
    return { zoneID: zoneId(zone, this.library.ownerRecordName), addressFor: (bytes) => this.addressFor(bytes, zone) };
  }

  /** What "…WithoutHiddenOrDeleted" lists. */
  visible(zone: string) {
    return [...this.library.photos.values()].filter((p) => p.zone === zone && p.state === 'live' && !p.hidden);
  }

  albumsIn(parentId: string | undefined) {
    return [...this.library.albums.values()].filter((a) => a.parentId === parentId);
  }

  /** A record by name in its current state: a tombstone once expunged, none when unknown. */
  recordOf(name: string, zone: string): CkRecord | undefined {
    const album = this.library.albums.get(name);
    if (album) return albumRecord(album, this.albumsIn(album.parentId).indexOf(album), this.context(zone));
    const photo = this.library.byRecord(name);
    if (!photo || photo.zone !== zone) return undefined;
    if (photo.state === 'expunged') return tombstone(name, this.context(zone));
    return name === photo.masterName ? masterRecord(photo, this.context(zone)) : assetRecord(photo, this.context(zone));
  }
}

export function ckFail(exchange: IcloudExchange, status: number, code: string, reason: string): true {
  exchange.json(status, ckError(code, reason));
  return true;
}
