// CloudKit web service for iCloud Photos (webservices.ckdatabasews.url), every call a POST of JSON
// to /database/1/com.apple.photos.cloud/production/{private|shared}/…:
// - zones/list {} → {zones: [{zoneID, syncToken, deleted}]} (icloudpd photos.py
//   `_fetch_libraries`, no query parameters; timlaing/pyicloud zone fixtures);
// - records/query {query: {recordType, filterBy}, zoneID, resultsLimit, desiredKeys,
//   continuationMarker} → {records, continuationMarker while more follow, syncToken when the
//   address asks getCurrentSyncToken=true}. CPLAssetAndMasterByAssetDateWithoutHiddenOrDeleted
//   answers an asset and its master per photo, by assetDate, from the `startRank` filter
//   (icloudpd `_list_query_gen`, icloud-photos-sync query-builder.ts) or from the continuation
//   marker of the previous page (timlaing/pyicloud photos_cloudkit service.py loops "while
//   continuationMarker in response"); resultsLimit counts records (icloudpd asks twice its page
//   size); hidden and deleted photos are left out. CheckIndexingState answers one record whose
//   `state` is FINISHED or RUNNING (icloud-photos-sync icloud-photos.ts `checkIndexingStatus`).
// - internal/records/query/batch with HyperionIndexCountLookup → itemCount (icloudpd `__len__`);
// - records/lookup {records: [{recordName}], zoneID, desiredKeys} → each record, or
//   {recordName, serverErrorCode: NOT_FOUND} (timlaing/pyicloud common/cloudkit/client.py);
// - changes/zone {zones: [{zoneID, syncToken?, desiredRecordTypes?}], resultsLimit} →
//   {zones: [{zoneID, syncToken, moreComing, records}]}, deleted records as tombstones; without a
//   token every live record (same client.py `iter_changes`, and
//   photos_zone_changes_response.json).
// Errors as CloudKit's reference gives them: ZONE_NOT_FOUND 404 (Photos not set up: pyicloud
// and icloudpd tell the person to finish setting up at icloud.com), ACCESS_DENIED 403 (Advanced
// Data Protection without web access, or without the PCS cookies: an assumption, the projects
// only show that pcsRequired needs those cookies), BAD_REQUEST 400.
import type { IcloudExchange, IcloudRoute } from './icloud-exchange';
import { assetRecord, masterRecord, tombstone, withDesiredKeys, zoneId, type CkRecord, type RecordContext } from './cloudkit-records';
import type { PhotoLibrary, LibraryPhoto } from './photo-library';
import { ckError, type SessionGate } from './session-gate';

const BASE = /^\/database\/1\/com\.apple\.photos\.cloud\/production\/(private|shared)\/(zones\/list|records\/query|records\/lookup|changes\/zone|internal\/records\/query\/batch)$/;
const ALL_PHOTOS = 'CPLAssetAndMasterByAssetDateWithoutHiddenOrDeleted';
const MAX_RESULTS = 200;

export interface CloudKitOptions {
  library: PhotoLibrary;
  gate: SessionGate;
  addressFor: (bytes: Uint8Array, zone: string) => string;
  indexing: () => 'FINISHED' | 'RUNNING';
}

type Body = Record<string, unknown>;

export function createCloudKitRoutes({ library, gate, addressFor, indexing }: CloudKitOptions): IcloudRoute {
  const context = (zone: string): RecordContext => ({ zoneID: zoneId(zone, library.ownerRecordName), addressFor: (bytes) => addressFor(bytes, zone) });
  const visible = (zone: string) => [...library.photos.values()].filter((p) => p.zone === zone && p.state === 'live' && !p.hidden);
  const recordOf = (name: string, zone: string): CkRecord | undefined => {
    const photo = library.byRecord(name);
    if (!photo || photo.zone !== zone) return undefined;
    if (photo.state === 'expunged') return tombstone(name, context(zone));
    return name === photo.masterName ? masterRecord(photo, context(zone)) : assetRecord(photo, context(zone));
  };
  const fail = (exchange: IcloudExchange, status: number, code: string, reason: string) => (exchange.json(status, ckError(code, reason)), true);

  function query(exchange: IcloudExchange, zone: string, body: Body): boolean {
    const q = (body.query ?? {}) as { recordType?: string; filterBy?: Array<{ fieldName: string; fieldValue: { value: unknown } }> };
    const withToken = /^true$/i.test(exchange.query.get('getCurrentSyncToken') ?? '') ? { syncToken: library.token(zone) } : {};
    if (q.recordType === 'CheckIndexingState') {
      const state = indexing();
      return (exchange.json(200, { records: [{ recordName: '_indexing', recordType: 'CheckIndexingState', fields: { state: { value: state, type: 'STRING' }, progress: { value: state === 'FINISHED' ? 100 : 40, type: 'INT64' } } }], ...withToken }), true);
    }
    if (q.recordType !== ALL_PHOTOS) return fail(exchange, 400, 'BAD_REQUEST', `Unknown query type ${q.recordType}`);
    const filter = (name: string) => q.filterBy?.find((f) => f.fieldName === name)?.fieldValue.value;
    const marker = typeof body.continuationMarker === 'string' ? Number(Buffer.from(body.continuationMarker, 'base64').toString('utf8').replace('rank:', '')) : null;
    const start = marker ?? Number(filter('startRank') ?? 0);
    const limit = Math.min(Number(body.resultsLimit ?? MAX_RESULTS), MAX_RESULTS);
    const perPage = Math.max(1, Math.floor(limit / 2));
    const ordered = visible(zone).sort((a, b) => a.takenAt - b.takenAt);
    if (filter('direction') === 'DESCENDING') ordered.reverse();
    const page = ordered.slice(start, start + perPage);
    const records = page.flatMap((p: LibraryPhoto) => [assetRecord(p, context(zone)), masterRecord(p, context(zone))]).map((r) => withDesiredKeys(r, body.desiredKeys));
    const next = start + perPage < ordered.length ? { continuationMarker: Buffer.from(`rank:${start + perPage}`).toString('base64') } : {};
    exchange.json(200, { records, ...next, ...withToken });
    return true;
  }

  function changes(exchange: IcloudExchange, body: Body): boolean {
    const asked = Array.isArray(body.zones) ? (body.zones as Array<{ zoneID?: { zoneName?: string }; syncToken?: string; desiredRecordTypes?: string[] }>) : [];
    const limit = Math.min(Number(body.resultsLimit ?? MAX_RESULTS), MAX_RESULTS);
    const zones = [];
    for (const one of asked) {
      const zone = one.zoneID?.zoneName ?? '';
      if (!library.hasZone(zone)) return fail(exchange, 404, 'ZONE_NOT_FOUND', `Zone ${zone} does not exist`);
      const found = library.changesSince(zone, one.syncToken ?? null, limit);
      if (found === 'bad-token') return fail(exchange, 400, 'BAD_REQUEST', 'Unknown sync token');
      const records = found.names.map((name) => recordOf(name, zone)!).filter((r) => !one.desiredRecordTypes || r.deleted === true || one.desiredRecordTypes.includes(String(r.recordType)));
      zones.push({ zoneID: context(zone).zoneID, syncToken: found.token, moreComing: found.moreComing, records });
    }
    exchange.json(200, { zones });
    return true;
  }

  return (exchange) => {
    const match = BASE.exec(exchange.path);
    if (!match || exchange.method !== 'POST') return false;
    if (gate.adp === 'web-access-off') return fail(exchange, 403, 'ACCESS_DENIED', 'Web access to iCloud data is off');
    if (gate.adp === 'web-access-on' && !gate.hasPcs(exchange)) return fail(exchange, 403, 'ACCESS_DENIED', 'PCS cookies required');
    const [, database, operation] = match;
    const body = (exchange.body ?? {}) as Body;
    if (operation === 'zones/list') {
      const names = database === 'private' ? library.zoneNames() : [];
      return (exchange.json(200, { zones: names.map((name) => ({ zoneID: context(name).zoneID, syncToken: library.token(name), deleted: false })) }), true);
    }
    if (operation === 'changes/zone') return database === 'private' ? changes(exchange, body) : fail(exchange, 404, 'ZONE_NOT_FOUND', 'No zone');
    const zone = ((body.zoneID ?? (Array.isArray(body.batch) ? (body.batch[0] as Body | undefined)?.zoneID : undefined)) as { zoneName?: string } | undefined)?.zoneName ?? '_defaultZone';
    if (database !== 'private' || !library.hasZone(zone)) return fail(exchange, 404, 'ZONE_NOT_FOUND', `Zone ${zone} does not exist`);
    if (operation === 'records/query') return query(exchange, zone, body);
    if (operation === 'records/lookup') {
      const names = Array.isArray(body.records) ? (body.records as Array<{ recordName: string }>).map((r) => r.recordName) : [];
      const records = names.map((name) => (recordOf(name, zone) ? withDesiredKeys(recordOf(name, zone)!, body.desiredKeys) : { recordName: name, serverErrorCode: 'NOT_FOUND', reason: 'Record not found' }));
      return (exchange.json(200, { records }), true);
    }
    exchange.json(200, { batch: [{ records: [{ recordName: 'count', recordType: 'HyperionIndexCountLookup', fields: { itemCount: { value: visible(zone).length, type: 'INT64' } } }], syncToken: library.token(zone) }] });
    return true;
  };
}
