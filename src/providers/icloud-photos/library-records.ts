// What Lifeboat keeps of a photo's two records while a listing pairs them: the CPLMaster (the
// original's file, and a Live Photo's video part) and the CPLAsset (what the library shows: the
// date, hidden, Recently Deleted, the edit), joined by the asset's masterRef (icloudpd
// photos.py `PhotoAsset`; icloud-photos-sync query-parser.ts). Only these few facts are held,
// never whole records, so a listing's memory is a small object per record.
import { base64TextField, numberField, referenceField, resourceField, textField, type CkRecord, type CkResource } from './ck-record';

export interface MasterFacts {
  name: string;
  filename: string | null;
  original: CkResource | null;
  originalType: string | null;
  /** A Live Photo's video part. */
  live: CkResource | null;
  liveType: string | null;
}

export interface AssetFacts {
  name: string;
  masterName: string;
  /** When it was taken, ms since 1970. */
  takenAt: number | null;
  hidden: boolean;
  /** In Recently Deleted (isDeleted 1). */
  deleted: boolean;
  /** The edited version (resJPEGFullRes), when the photo was edited. */
  edited: CkResource | null;
  editedType: string | null;
}

export function masterFacts(record: CkRecord): MasterFacts {
  return {
    name: record.recordName,
    filename: base64TextField(record, 'filenameEnc'),
    original: resourceField(record, 'resOriginalRes'),
    originalType: textField(record, 'resOriginalFileType') ?? textField(record, 'itemType'),
    live: resourceField(record, 'resOriginalVidComplRes'),
    liveType: textField(record, 'resOriginalVidComplFileType'),
  };
}

/** The asset's facts, or null when it names no master (nothing to download). */
export function assetFacts(record: CkRecord): AssetFacts | null {
  const masterName = referenceField(record, 'masterRef');
  if (!masterName) return null;
  return {
    name: record.recordName,
    masterName,
    takenAt: numberField(record, 'assetDate'),
    hidden: numberField(record, 'isHidden') === 1,
    deleted: numberField(record, 'isDeleted') === 1,
    edited: resourceField(record, 'resJPEGFullRes'),
    editedType: textField(record, 'resJPEGFullFileType'),
  };
}
