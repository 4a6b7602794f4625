// CloudKit records of a photo, field by field as icloud.com's Photos app receives them (the
// CPLMaster and CPLAsset records of icloudpd's tests/vcr_cassettes/listing_photos.yml; the
// fields icloudpd photos.py `PhotoAsset.versions` and icloud-photos-sync query-parser.ts read):
// - every field is {value, type}: STRING, INT64, TIMESTAMP (ms), ENCRYPTED_BYTES (base64),
//   REFERENCE ({recordName, action, zoneID}), ASSETID ({fileChecksum, size, wrappingKey,
//   referenceChecksum, downloadURL});
// - CPLMaster: itemType and resOriginalFileType (UTIs), filenameEnc (the file name, base64),
//   resOriginalRes, resOriginalWidth/Height, resOriginalFingerprint, originalOrientation; a
//   Live Photo adds resOriginalVidComplRes and resOriginalVidComplFileType;
// - CPLAsset: assetDate, addedDate, masterRef, isFavorite, isHidden, isDeleted, orientation,
//   duration, timeZoneOffset; an edited photo adds adjustmentType, adjustedMediaMetaDataEnc and
//   resJPEGFullRes with resJPEGFullFileType/Width/Height (icloud-photos-sync query-parser.ts:
//   an asset with adjustmentType has resJPEGFullRes, except Slo-mo);
// - fileChecksum is 28 base64 characters whose algorithm nobody has reproduced
//   (icloud-photos-sync asset.ts: "the checksum algorithm is unknown"). Here it is a keyed
//   hash of the bytes, so equal bytes give equal values but no client can check bytes against it:
//   only `size` can be checked, as with the real service.
import { createHash } from 'node:crypto';
import type { LibraryAlbum, LibraryPhoto } from './photo-library';

export type CkRecord = Record<string, unknown> & { recordName: string };
type Field = { value: unknown; type: string };

export interface RecordContext {
  zoneID: { zoneName: string; ownerRecordName: string; zoneType: string };
  addressFor(bytes: Uint8Array): string;
}

export function zoneId(zoneName: string, ownerRecordName: string): RecordContext['zoneID'] {
  return { zoneName, ownerRecordName, zoneType: 'REGULAR_CUSTOM_ZONE' };
}

export function opaqueChecksum(bytes: Uint8Array): string {
  const digest = createHash('sha256').update('icloud-reproduction').update(bytes).digest();
  return Buffer.concat([Buffer.from([1]), digest.subarray(0, 20)]).toString('base64');
}

function asset(bytes: Uint8Array, context: RecordContext): Field {
  return {
    type: 'ASSETID',
    value: {
      fileChecksum: opaqueChecksum(bytes),
      size: bytes.byteLength,
      wrappingKey: createHash('md5').update(bytes).digest('base64'),
      referenceChecksum: opaqueChecksum(Buffer.concat([Buffer.from('ref'), bytes])),
      downloadURL: context.addressFor(bytes),
    },
  };
}

const int = (value: number): Field => ({ value, type: 'INT64' });
const text = (value: string): Field => ({ value, type: 'STRING' });
const audit = (timestamp: number) => ({ timestamp, userRecordName: '_owner', deviceID: 'reproduction' });

export function masterRecord(photo: LibraryPhoto, context: RecordContext): CkRecord {
  const fileType = photo.fileType ?? 'public.jpeg';
  const fields: Record<string, Field> = {
    itemType: text(fileType),
    filenameEnc: { value: Buffer.from(photo.filename, 'utf8').toString('base64'), type: 'ENCRYPTED_BYTES' },
    resOriginalRes: asset(photo.bytes, context),
    resOriginalFileType: text(fileType),
    resOriginalWidth: int(photo.width ?? 16),
    resOriginalHeight: int(photo.height ?? 16),
    resOriginalFingerprint: text(photo.masterName),
    originalOrientation: int(1),
  };
  if (photo.liveVideo) {
    fields.resOriginalVidComplRes = asset(photo.liveVideo, context);
    fields.resOriginalVidComplFileType = text('com.apple.quicktime-movie');
  }
  return { recordName: photo.masterName, recordType: 'CPLMaster', fields, pluginFields: {}, recordChangeTag: changeTag(photo, 'master'), created: audit(photo.addedAt), modified: audit(photo.addedAt), deleted: false, zoneID: context.zoneID };
}

export function assetRecord(photo: LibraryPhoto, context: RecordContext): CkRecord {
  const fields: Record<string, Field> = {
    assetDate: { value: photo.takenAt, type: 'TIMESTAMP' },
    addedDate: { value: photo.addedAt, type: 'TIMESTAMP' },
    masterRef: { type: 'REFERENCE', value: { recordName: photo.masterName, action: 'DELETE_SELF', zoneID: context.zoneID } },
    isFavorite: int(photo.favorite ? 1 : 0),
    isHidden: int(photo.hidden ? 1 : 0),
    isDeleted: int(photo.state === 'recently-deleted' ? 1 : 0),
    orientation: int(1),
    duration: int(0),
    timeZoneOffset: int(0),
  };
  if (photo.edited) {
    fields.adjustmentType = text('com.apple.photo');
    fields.adjustedMediaMetaDataEnc = { value: Buffer.from('bplist00 adjusted').toString('base64'), type: 'ENCRYPTED_BYTES' };
    fields.resJPEGFullRes = asset(photo.edited, context);
    fields.resJPEGFullFileType = text('public.jpeg');
    fields.resJPEGFullWidth = int(photo.width ?? 16);
    fields.resJPEGFullHeight = int(photo.height ?? 16);
  }
  return { recordName: photo.assetName, recordType: 'CPLAsset', fields, pluginFields: {}, recordChangeTag: changeTag(photo, 'asset'), created: audit(photo.addedAt), modified: audit(Date.now()), deleted: false, zoneID: context.zoneID };
}

export function tombstone(recordName: string, context: RecordContext): CkRecord {
  return { recordName, deleted: true, zoneID: context.zoneID };
}

/** Only the fields asked for, when the request names them (CloudKit's `desiredKeys`). */
export function withDesiredKeys(record: CkRecord, desiredKeys: unknown): CkRecord {
  if (!Array.isArray(desiredKeys) || !record.fields) return record;
  const fields = Object.fromEntries(Object.entries(record.fields as Record<string, Field>).filter(([key]) => desiredKeys.includes(key)));
  return { ...record, fields };
}

function changeTag(photo: LibraryPhoto, part: string): string {
  return createHash('sha1').update(`${part}${photo.state}${photo.favorite}${photo.hidden}${photo.edited?.byteLength}`).digest('base64url').slice(0, 4);
}

/** CPLAlbum: an album (albumType 0) or a folder (3), parentId when inside a folder. */
export function albumRecord(album: LibraryAlbum, position: number, context: RecordContext): CkRecord {
  const fields: Record<string, Field> = {
    albumNameEnc: { value: Buffer.from(album.name, 'utf8').toString('base64'), type: 'ENCRYPTED_BYTES' },
    albumType: int(album.folder ? 3 : 0),
    isDeleted: int(0),
    position: int(position),
    ...(album.parentId ? { parentId: text(album.parentId) } : {}),
  };
  return { recordName: album.recordName, recordType: 'CPLAlbum', fields, pluginFields: {}, recordChangeTag: String(album.members.length), deleted: false, zoneID: context.zoneID };
}

/**
 * CPLContainerRelation: a photo's place in an album. Its field names (itemId, containerId,
 * position) are an assumption; icloudpd only asks for `containerId` among its desiredKeys and
 * icloud-photos-sync skips these records.
 */
export function relationRecord(album: LibraryAlbum, assetName: string, context: RecordContext): CkRecord {
  const fields: Record<string, Field> = { itemId: text(assetName), containerId: text(album.recordName), position: int(album.members.indexOf(assetName)) };
  return { recordName: `${assetName}-IN-${album.recordName}`, recordType: 'CPLContainerRelation', fields, pluginFields: {}, deleted: false, zoneID: context.zoneID };
}
