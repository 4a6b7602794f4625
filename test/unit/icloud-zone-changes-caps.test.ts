// What the service can make an iCloud Photos listing hold is bounded: a zone whose changes never
// stop coming, or repeat a sync token, ends with an error instead of a run that never ends, and
// the records of one run are capped. The service is played by a function answering changes/zone.
import { describe, expect, it } from 'vitest';
import type { CkCall } from '../../src/providers/icloud-photos/cloudkit-call';
import { zoneChanges } from '../../src/providers/icloud-photos/zone-changes';

/** changes/zone answering `page(n)` for its nth call, as CloudKit's JSON. */
function service(page: (n: number) => { token: string; moreComing: boolean; records: number }): CkCall {
  let n = 0;
  return <T>(_operation: string, _body: unknown, read: (json: unknown, url: string) => T) => {
    const { token, moreComing, records } = page(n++);
    const json = { zones: [{ zoneID: { zoneName: 'PrimarySync' }, syncToken: token, moreComing, records: Array.from({ length: records }, (_, i) => ({ recordName: `R${n}-${i}`, recordType: 'CPLAsset', fields: {} })) }] };
    return Promise.resolve(read(json, 'https://p01-ckdatabasews.icloud.com/database/1/com.apple.photos.cloud/production/private/changes/zone'));
  };
}

describe('the changes of a zone', () => {
  it('follows moreComing to the last page and returns its token', async () => {
    const seen: number[] = [];
    const token = await zoneChanges(service((n) => ({ token: `T${n}`, moreComing: n < 2, records: 3 })), 'PrimarySync', null, { left: 100 }, (records) => seen.push(records.length));
    expect([token, seen]).toEqual(['T2', [3, 3, 3]]);
  });

  it('stops at a token handed out twice', async () => {
    const call = service(() => ({ token: 'SAME', moreComing: true, records: 1 }));
    await expect(zoneChanges(call, 'PrimarySync', null, { left: 100 }, () => undefined)).rejects.toMatchObject({ code: 'endless-listing' });
  });

  it('stops once the run holds more records than the cap', async () => {
    const call = service((n) => ({ token: `T${n}`, moreComing: true, records: 200 }));
    await expect(zoneChanges(call, 'PrimarySync', null, { left: 1000 }, () => undefined)).rejects.toMatchObject({ code: 'too-large' });
  });
});
