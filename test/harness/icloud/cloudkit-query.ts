// records/query of the CloudKit reproduction: the whole library, albums, an album's photos, the
// indexing state; and the batch count. Sources in README.md ("CloudKit, iCloud Photos").
import type { IcloudExchange } from './icloud-exchange';
import { albumRecord, assetRecord, masterRecord, relationRecord, withDesiredKeys } from './cloudkit-records';
import type { LibraryPhoto } from './photo-library';
import { ckFail, MAX_RESULTS, type Body, type CloudKitView } from './cloudkit-view';

/**
 * The library's lists: by the date taken (icloudpd's current query), by the date added and
 * Recently Deleted (both in icloudpd's recorded exchanges, listing_photos.yml and
 * autodelete_photos.yml). Which photos the by-added-date list leaves out is an assumption.
 */
const LISTS: Record<string, (view: CloudKitView, zone: string) => LibraryPhoto[]> = {
  CPLAssetAndMasterByAssetDateWithoutHiddenOrDeleted: (view, zone) => view.visible(zone).sort((a, b) => a.takenAt - b.takenAt),
  CPLAssetAndMasterByAddedDate: (view, zone) => view.visible(zone).sort((a, b) => a.addedAt - b.addedAt),
  CPLAssetAndMasterDeletedByExpungedDate: (view, zone) => [...view.library.photos.values()].filter((p) => p.zone === zone && p.state === 'recently-deleted').sort((a, b) => (a.deletedAt ?? 0) - (b.deletedAt ?? 0)),
};
/** An album's photos: icloudpd asks the first, icloud-photos-sync the second. */
const IN_ALBUM = ['CPLContainerRelationLiveByAssetDate', 'CPLContainerRelationLiveByPosition'];

export function answerQuery(view: CloudKitView, exchange: IcloudExchange, zone: string, body: Body, indexing: 'FINISHED' | 'RUNNING'): boolean {
  const q = (body.query ?? {}) as { recordType?: string; filterBy?: Array<{ fieldName: string; fieldValue: { value: unknown } }> };
  const withToken = /^true$/i.test(exchange.query.get('getCurrentSyncToken') ?? '') ? { syncToken: view.library.token(zone) } : {};
  if (q.recordType === 'CheckIndexingState') {
    const fields = { state: { value: indexing, type: 'STRING' }, progress: { value: indexing === 'FINISHED' ? 100 : 40, type: 'INT64' } };
    return (exchange.json(200, { records: [{ recordName: '_indexing', recordType: 'CheckIndexingState', fields }], ...withToken }), true);
  }
  const filter = (name: string) => q.filterBy?.find((f) => f.fieldName === name)?.fieldValue.value;
  if (q.recordType === 'CPLAlbumByPositionLive') {
    const parent = filter('parentId') as string | undefined;
    return (exchange.json(200, { records: view.albumsIn(parent).map((a, i) => albumRecord(a, i, view.context(zone))), ...withToken }), true);
  }
  const album = view.library.albums.get(String(filter('parentId')));
  const list = LISTS[q.recordType ?? ''];
  if (!list && !(IN_ALBUM.includes(q.recordType ?? '') && album)) return ckFail(exchange, 400, 'BAD_REQUEST', `Unknown query type ${q.recordType}`);
  const marker = typeof body.continuationMarker === 'string' ? Number(Buffer.from(body.continuationMarker, 'base64').toString('utf8').replace('rank:', '')) : null;
  const start = marker ?? Number(filter('startRank') ?? 0);
  const limit = Math.min(Number(body.resultsLimit ?? MAX_RESULTS), MAX_RESULTS);
  // Two records a photo for the library, three in an album (icloud-photos-sync icloud-photos.ts).
  const perPage = Math.max(1, Math.floor(limit / (album ? 3 : 2)));
  const ordered = album ? album.members.map((name) => view.library.photos.get(name)!).filter((p) => p.state === 'live') : list!(view, zone);
  if (filter('direction') === 'DESCENDING') ordered.reverse();
  const page = ordered.slice(start, start + perPage);
  // The page's masters first, then their assets in the same order (icloudpd listing_photos.yml);
  // an album's relations after them (an assumption).
  const context = view.context(zone);
  const records = [
    ...page.map((p: LibraryPhoto) => masterRecord(p, context)),
    ...page.map((p) => assetRecord(p, context)),
    ...(album ? page.map((p) => relationRecord(album, p.assetName, context)) : []),
  ].map((r) => withDesiredKeys(r, body.desiredKeys));
  const next = start + perPage < ordered.length ? { continuationMarker: Buffer.from(`rank:${start + perPage}`).toString('base64') } : {};
  exchange.json(200, { records, ...next, ...withToken });
  return true;
}

/** internal/records/query/batch with HyperionIndexCountLookup: the library's or an album's count. */
export function answerCount(view: CloudKitView, exchange: IcloudExchange, zone: string, body: Body): boolean {
  const counted = String(((body.batch as Body[] | undefined)?.[0]?.query as { filterBy?: { fieldValue?: { value?: string[] } } } | undefined)?.filterBy?.fieldValue?.value?.[0] ?? '');
  const inAlbum = view.library.albums.get(counted.replace('CPLContainerRelationNotDeletedByAssetDate:', ''));
  const itemCount = inAlbum ? inAlbum.members.filter((name) => view.library.photos.get(name)?.state === 'live').length : view.visible(zone).length;
  exchange.json(200, { batch: [{ records: [{ recordName: 'count', recordType: 'HyperionIndexCountLookup', fields: { itemCount: { value: itemCount, type: 'INT64' } } }], syncToken: view.library.token(zone) }] });
  return true;
}
