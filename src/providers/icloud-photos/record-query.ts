// records/query of the photos container, page after page: each answer's continuationMarker asks
// for the next (timlaing/pyicloud photos_cloudkit service.py loops "while continuationMarker in
// response"; icloudpd photos.py `_list_query_gen`). A marker handed out twice, or more pages
// than any library has, ends the listing with an error instead of a run that never stops.
import { PageGuard } from '../../http/page-guard';
import type { CkCall } from './cloudkit-call';
import { zoneIdOf } from './cloudkit-call';
import { recordsOf, type CkRecord } from './ck-record';

/** CloudKit's most records per answer; icloud-photos-sync asks 198, the reproduction caps at 200. */
export const RESULTS_LIMIT = 200;

export interface CkFilter {
  fieldName: string;
  type: 'STRING' | 'INT64';
  value: string | number;
}

export interface RecordQuery {
  zone: string;
  recordType: string;
  filters?: CkFilter[];
  /** Pages at most: a guard against a service that never stops. */
  maxPages: number;
}

export async function queryRecords(call: CkCall, query: RecordQuery, onPage: (records: CkRecord[]) => void): Promise<void> {
  const guard = new PageGuard({ url: `https://ckdatabasews.icloud.com/${query.recordType}`, maxPages: query.maxPages });
  const filterBy = (query.filters ?? []).map(({ fieldName, type, value }) => ({ fieldName, comparator: 'EQUALS', fieldValue: { type, value } }));
  let marker: string | null = null;
  do {
    guard.visit(marker ?? '');
    const body = { query: { recordType: query.recordType, filterBy }, zoneID: zoneIdOf(query.zone), resultsLimit: RESULTS_LIMIT, ...(marker ? { continuationMarker: marker } : {}) };
    const page: { records: CkRecord[]; marker: string | null } = await call('records/query', body, (json, url) => {
      const next = typeof json === 'object' && json !== null ? (json as { continuationMarker?: unknown }).continuationMarker : undefined;
      return { records: recordsOf(json, url), marker: typeof next === 'string' && next !== '' ? next : null };
    });
    onPage(page.records);
    marker = page.marker;
  } while (marker);
}
