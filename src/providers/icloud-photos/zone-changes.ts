// The photo library's zones and their changes. zones/list on the private database names
// PrimarySync and, with an iCloud Shared Photo Library, its SharedSync-<UUID> zone
// (timlaing/pyicloud tests/fixtures/photos_shared_library_private_zones_response.json, a browser
// capture). changes/zone answers a zone's records changed since a sync token (every live record
// without one), each in its latest state, deleted ones as tombstones, `moreComing` with a token
// to go on from (timlaing/pyicloud common/cloudkit/client.py `iter_changes`,
// photos_zone_changes_response.json).
import { PageGuard } from '../../http/page-guard';
import { expectField, isArray, isObject, isString } from '../icloud-web/icloud-json';
import { recordsOf, type CkRecord } from './ck-record';
import type { CkCall } from './cloudkit-call';
import { zoneIdOf } from './cloudkit-call';
import { tooManyRecords } from './icloud-photos-errors';
import { RESULTS_LIMIT } from './record-query';

/** The record types a photo library's changes are asked for (changes/zone `desiredRecordTypes`). */
const RECORD_TYPES = ['CPLMaster', 'CPLAsset', 'CPLAlbum', 'CPLContainerRelation'];
/** Pages of one zone's changes: 200 records a page make 4 million records. */
const MAX_PAGES = 20_000;

/** Records one run may hold, every zone together: a library of 400,000 photos is 800,000. */
export const MAX_RECORDS_PER_RUN = 1_000_000;

export interface RecordBudget {
  left: number;
}

/** The names of the library's zones that are not deleted. */
export async function listZones(call: CkCall): Promise<string[]> {
  return call('zones/list', {}, (json, url) => {
    const zones = expectField(json, url, isArray, 'zones');
    return zones.filter((z) => isObject(z) && z.deleted !== true).map((z) => expectField(z, url, isString, 'zoneID', 'zoneName'));
  });
}

/**
 * Every record of `zone` changed since `token` (all live ones when null), handed to `onRecords`
 * page by page; returns the token to ask from next time. Throws what the service answers to a
 * token it refuses (400 BAD_REQUEST in the reproduction; which code the real service uses for
 * an expired token nobody records).
 */
export async function zoneChanges(call: CkCall, zone: string, token: string | null, budget: RecordBudget, onRecords: (records: CkRecord[]) => void): Promise<string | null> {
  const guard = new PageGuard({ url: `https://ckdatabasews.icloud.com/changes/zone/${zone}`, maxPages: MAX_PAGES });
  let from = token;
  for (;;) {
    guard.visit(from ?? '');
    const body = { zones: [{ zoneID: zoneIdOf(zone), desiredRecordTypes: RECORD_TYPES, ...(from ? { syncToken: from } : {}) }], resultsLimit: RESULTS_LIMIT };
    const page = await call('changes/zone', body, (json, url) => {
      const answer = expectField(json, url, isArray, 'zones').find((z) => isObject(z) && isObject(z.zoneID) && z.zoneID.zoneName === zone);
      const records = recordsOf({ answer }, url, 'answer');
      const next = isObject(answer) && isString(answer.syncToken) ? answer.syncToken : null;
      return { records, next, more: isObject(answer) && answer.moreComing === true };
    });
    budget.left -= page.records.length;
    if (budget.left < 0) throw tooManyRecords(MAX_RECORDS_PER_RUN);
    onRecords(page.records);
    // More to come without a token to ask from would ask the same page again: the guard stops that.
    if (!page.more) return page.next ?? from;
    from = page.next ?? from;
  }
}
