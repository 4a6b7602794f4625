// Whether iCloud has finished indexing a zone of the library: records/query CheckIndexingState
// answers one record whose `state` is FINISHED or RUNNING (icloud-photos-sync icloud-photos.ts
// `checkIndexingStatusForZone`; timlaing/pyicloud photos_indexing_not_finished_response.json).
// While it runs, listings show part of the library: the run stops rather than mirror that.
import { textField } from './ck-record';
import type { CkCall } from './cloudkit-call';
import { zoneIdOf } from './cloudkit-call';
import { recordsOf } from './ck-record';
import { libraryIndexing } from './icloud-photos-errors';

export async function checkIndexed(call: CkCall, zone: string): Promise<void> {
  const state = await call('records/query', { query: { recordType: 'CheckIndexingState' }, zoneID: zoneIdOf(zone) }, (json, url) => {
    const [record] = recordsOf(json, url);
    return record ? textField(record, 'state') : null;
  });
  if (state === 'RUNNING') throw libraryIndexing();
}
