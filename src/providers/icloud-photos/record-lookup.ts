// records/lookup: records by name, in batches; a name the zone does not hold answers
// {recordName, serverErrorCode: "NOT_FOUND"} in its place (timlaing/pyicloud
// common/cloudkit/client.py `lookup`, `CKLookupResponse`). Used for a changed asset whose master
// did not change, and for a download address that expired.
import { recordsOf, type CkRecord } from './ck-record';
import type { CkCall } from './cloudkit-call';
import { zoneIdOf } from './cloudkit-call';

const BATCH = 100;

/** The records found, by name; names not found are absent. */
export async function lookupRecords(call: CkCall, zone: string, names: string[]): Promise<Map<string, CkRecord>> {
  const found = new Map<string, CkRecord>();
  for (let at = 0; at < names.length; at += BATCH) {
    const records = names.slice(at, at + BATCH).map((recordName) => ({ recordName }));
    const page = await call('records/lookup', { records, zoneID: zoneIdOf(zone) }, (json, url) => recordsOf(json, url));
    for (const record of page) if (!('serverErrorCode' in record) && record.deleted !== true) found.set(record.recordName, record);
  }
  return found;
}
