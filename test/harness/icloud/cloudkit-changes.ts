// changes/zone and records/lookup of the CloudKit reproduction. Sources in README.md.
import type { IcloudExchange } from './icloud-exchange';
import { withDesiredKeys } from './cloudkit-records';
import { ckFail, MAX_RESULTS, type Body, type CloudKitView } from './cloudkit-view';

export function answerChanges(view: CloudKitView, exchange: IcloudExchange, body: Body): boolean {
  const asked = Array.isArray(body.zones) ? (body.zones as Array<{ zoneID?: { zoneName?: string }; syncToken?: string; desiredRecordTypes?: string[] }>) : [];
  const limit = Math.min(Number(body.resultsLimit ?? MAX_RESULTS), MAX_RESULTS);
  const zones = [];
  for (const one of asked) {
    const zone = one.zoneID?.zoneName ?? '';
    if (!view.library.hasZone(zone)) return ckFail(exchange, 404, 'ZONE_NOT_FOUND', `Zone ${zone} does not exist`);
    const found = view.library.changesSince(zone, one.syncToken ?? null, limit);
    if (found === 'bad-token') return ckFail(exchange, 400, 'BAD_REQUEST', 'Unknown sync token');
    const records = found.names.map((name) => view.recordOf(name, zone)!).filter((r) => !one.desiredRecordTypes || r.deleted === true || one.desiredRecordTypes.includes(String(r.recordType)));
    zones.push({ zoneID: view.context(zone).zoneID, syncToken: found.token, moreComing: found.moreComing, records });
  }
  exchange.json(200, { zones });
  return true;
}

/** records/lookup: each record asked for, or NOT_FOUND in its place. */
export function answerLookup(view: CloudKitView, exchange: IcloudExchange, zone: string, body: Body): boolean {
  const names = Array.isArray(body.records) ? (body.records as Array<{ recordName: string }>).map((r) => r.recordName) : [];
  const records = names.map((name) => {
    const record = view.recordOf(name, zone);
    return record ? withDesiredKeys(record, body.desiredKeys) : { recordName: name, serverErrorCode: 'NOT_FOUND', reason: 'Record not found' };
  });
  exchange.json(200, { records });
  return true;
}
