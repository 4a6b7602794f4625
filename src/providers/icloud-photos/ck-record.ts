// CloudKit records as the photos container sends them (CloudKit Web Services Reference,
// "Record Dictionary"; the CPLMaster and CPLAsset fields in icloudpd's recorded
// listing_photos.yml): each field is {value, type}; an ASSETID's value is {fileChecksum, size,
// downloadURL, …}; a deleted record is a tombstone {recordName, deleted: true}. Read leniently:
// a field of another shape counts as absent, and only a record without a name is an answer
// Lifeboat does not know.
import { expectField, isArray, isObject } from '../icloud-web/icloud-json';

export interface CkRecord {
  recordName: string;
  recordType?: string;
  deleted?: boolean;
  fields?: Record<string, unknown>;
}

const isRecord = (value: unknown): value is CkRecord => isObject(value) && typeof value.recordName === 'string' && value.recordName !== '';

/** The `records` of an answer; throws IcloudUnexpectedAnswerError when it has none or one without a name. */
export function recordsOf(json: unknown, url: string, ...path: string[]): CkRecord[] {
  const records = expectField(json, url, isArray, ...path, 'records');
  return expectField({ records }, url, (v): v is CkRecord[] => isArray(v) && v.every(isRecord), 'records');
}

function field(record: CkRecord, name: string): unknown {
  const entry = record.fields?.[name];
  return isObject(entry) ? entry.value : undefined;
}

export function textField(record: CkRecord, name: string): string | null {
  const value = field(record, name);
  return typeof value === 'string' && value !== '' ? value : null;
}

export function numberField(record: CkRecord, name: string): number | null {
  const value = field(record, name);
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** ENCRYPTED_BYTES holding UTF-8 text (filenameEnc, albumNameEnc): base64 on the wire. */
export function base64TextField(record: CkRecord, name: string): string | null {
  const value = textField(record, name);
  if (!value) return null;
  try {
    const binary = atob(value);
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))) || null;
  } catch {
    return null;
  }
}

/** A REFERENCE's record name (CPLAsset masterRef). */
export function referenceField(record: CkRecord, name: string): string | null {
  const value = field(record, name);
  return isObject(value) && typeof value.recordName === 'string' && value.recordName !== '' ? value.recordName : null;
}

/** One file of a record: an ASSETID field. */
export interface CkResource {
  /** CloudKit's checksum of the file: its algorithm is unknown (icloud-photos-sync asset.ts), so it only versions the file. */
  checksum: string;
  size: number | null;
  /** The download address: short-lived, its own credential. */
  url: string;
}

export function resourceField(record: CkRecord, name: string): CkResource | null {
  const value = field(record, name);
  if (!isObject(value) || typeof value.fileChecksum !== 'string' || typeof value.downloadURL !== 'string' || !/^https?:\/\//i.test(value.downloadURL)) return null;
  const size = typeof value.size === 'number' && value.size >= 0 ? value.size : null;
  return { checksum: value.fileChecksum, size, url: value.downloadURL };
}
