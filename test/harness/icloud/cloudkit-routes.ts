// CloudKit web service for iCloud Photos (webservices.ckdatabasews.url), every call a POST of JSON
// to /database/1/com.apple.photos.cloud/production/{private|shared}/…:
// - zones/list {} → {zones: [{zoneID, syncToken, deleted}]} (icloudpd photos.py
//   `_fetch_libraries`, no query parameters; timlaing/pyicloud zone fixtures);
// - records/query {query: {recordType, filterBy}, zoneID, resultsLimit, desiredKeys,
//   continuationMarker} → {records, continuationMarker while more follow, syncToken when the
//   address asks getCurrentSyncToken=true}. CPLAssetAndMasterByAssetDateWithoutHiddenOrDeleted
//   answers the page's masters, then their assets in the same order, by assetDate, from the
//   `startRank` filter (icloudpd `_list_query_gen`, icloud-photos-sync query-builder.ts) or from
//   the continuation marker of the previous page (timlaing/pyicloud photos_cloudkit service.py
//   loops "while continuationMarker in response"); resultsLimit counts records (icloudpd asks
//   twice its page size); hidden and deleted photos are left out. CheckIndexingState answers one
//   record whose `state` is FINISHED or RUNNING (icloud-photos-sync icloud-photos.ts
//   `checkIndexingStatusForZone`).
//   Albums and an album's photos: cloudkit-query.ts.
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
// only show that an ADP account needs those cookies), BAD_REQUEST 400.
import type { IcloudRoute } from './icloud-exchange';
import { answerChanges, answerLookup } from './cloudkit-changes';
import { answerCount, answerQuery } from './cloudkit-query';
import { CloudKitView, ckFail, type Body } from './cloudkit-view';
import type { PhotoLibrary } from './photo-library';
import type { SessionGate } from './session-gate';

const BASE = /^\/database\/1\/com\.apple\.photos\.cloud\/production\/(private|shared)\/(zones\/list|records\/query|records\/lookup|changes\/zone|internal\/records\/query\/batch)$/;

export interface CloudKitOptions {
  library: PhotoLibrary;
  gate: SessionGate;
  addressFor: (bytes: Uint8Array, zone: string) => string;
  indexing: () => 'FINISHED' | 'RUNNING';
}

export function createCloudKitRoutes({ library, gate, addressFor, indexing }: CloudKitOptions): IcloudRoute {
  const view = new CloudKitView(library, addressFor);
  return (exchange) => {
    const match = BASE.exec(exchange.path);
    if (!match || exchange.method !== 'POST') return false;
    if (gate.adp === 'web-access-off') return ckFail(exchange, 403, 'ACCESS_DENIED', 'Web access to iCloud data is off');
    if (gate.adp === 'web-access-on' && !gate.hasPcs(exchange)) return ckFail(exchange, 403, 'ACCESS_DENIED', 'PCS cookies required');
    const [, database, operation] = match;
    const body = (exchange.body ?? {}) as Body;
    if (operation === 'zones/list') {
      const names = database === 'private' ? library.zoneNames() : [];
      return (exchange.json(200, { zones: names.map((name) => ({ zoneID: view.context(name).zoneID, syncToken: library.token(name), deleted: false })) }), true);
    }
    if (operation === 'changes/zone') return database === 'private' ? answerChanges(view, exchange, body) : ckFail(exchange, 404, 'ZONE_NOT_FOUND', 'No zone');
    // Without a zoneID CloudKit means its _defaultZone, which the photos container does not use.
    const zone = ((body.zoneID ?? (Array.isArray(body.batch) ? (body.batch[0] as Body | undefined)?.zoneID : undefined)) as { zoneName?: string } | undefined)?.zoneName ?? '_defaultZone';
    if (database !== 'private' || !library.hasZone(zone)) return ckFail(exchange, 404, 'ZONE_NOT_FOUND', `Zone ${zone} does not exist`);
    if (operation === 'records/query') return answerQuery(view, exchange, zone, body, indexing());
    if (operation === 'records/lookup') return answerLookup(view, exchange, zone, body);
    return answerCount(view, exchange, zone, body);
  };
}
