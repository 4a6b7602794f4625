// The iCloud Photos library as the photo engine's change feed: every zone's changes since its
// sync token (zone-changes.ts), CPLMaster and CPLAsset records paired by the asset's masterRef,
// each pair turned into its files (asset-photos.ts). Without a cursor, or when the service
// refuses a token or a zone of the cursor is gone, everything is listed and compared with the
// mirror ('full'), never copied as a wipe. Recently Deleted (isDeleted 1) and expunged records
// (tombstones) are removed files, which the engine marks and keeps. Hidden photos are mirrored
// too, in the album the Photos app shows them in ("Hidden"): icloud.com's library lists leave
// them out (…WithoutHiddenOrDeleted), but they are the person's photos all the same. An asset's
// record does not say which albums hold it, so the albums are listed (album-folders.ts) whenever
// the changes name a photo; a run with no change asks for none.
import { HttpError } from '../../http/http-errors';
import type { PhotoChanges, RemotePhoto } from '../../model/photo-source';
import { t } from '../../catalog/catalog-text';
import { IcloudPhotosNotSetUpError } from '../icloud-web/icloud-errors';
import { albumFolders } from './album-folders';
import { assetResources, type ListedResource } from './asset-photos';
import type { CkRecord } from './ck-record';
import type { CkCall } from './cloudkit-call';
import { assetFacts, masterFacts, type AssetFacts, type MasterFacts } from './library-records';
import { encodeCursor, type PhotosCursor } from './photos-cursor';
import { lookupRecords } from './record-lookup';
import { assetHrefs, resourceHref } from './resource-href';
import { checkIndexed } from './indexing-state';
import { listZones, MAX_RECORDS_PER_RUN, zoneChanges, type RecordBudget } from './zone-changes';

export const PRIMARY_ZONE = 'PrimarySync';

/** What one zone's changes said. */
interface ZoneRound {
  zone: string;
  token: string | null;
  masters: Map<string, MasterFacts>;
  assets: Map<string, AssetFacts>;
  /** Assets in Recently Deleted: their files are named exactly. */
  trashed: Map<string, AssetFacts>;
  /** Records expunged (tombstones): which files an asset had, nobody says any more. */
  gone: Set<string>;
}

export interface LibraryListing {
  changes: PhotoChanges;
  /** Every file listed, with where this listing says its bytes are. */
  listed: ListedResource[];
}

/** Each record counts by its latest state (changes/zone names a record once, a page may repeat one). */
function collect(round: ZoneRound, records: CkRecord[]): void {
  for (const record of records) {
    const name = record.recordName;
    for (const held of [round.assets, round.trashed, round.masters]) held.delete(name);
    round.gone.delete(name);
    if (record.deleted === true) round.gone.add(name);
    else if (record.recordType === 'CPLMaster') round.masters.set(name, masterFacts(record));
    else if (record.recordType === 'CPLAsset') {
      const asset = assetFacts(record);
      if (asset) (asset.deleted ? round.trashed : round.assets).set(name, asset);
    }
  }
}

async function roundOf(call: CkCall, zone: string, token: string | null, budget: RecordBudget): Promise<ZoneRound> {
  const round: ZoneRound = { zone, token, masters: new Map(), assets: new Map(), trashed: new Map(), gone: new Set() };
  round.token = await zoneChanges(call, zone, token, budget, (records) => collect(round, records));
  // A changed asset whose master did not change (an edit, hidden, deleted) comes alone.
  const assets = [...round.assets.values(), ...round.trashed.values()];
  const missing = [...new Set(assets.map((a) => a.masterName).filter((name) => !round.masters.has(name)))];
  for (const [name, record] of await lookupRecords(call, zone, missing)) if (record.recordType === 'CPLMaster') round.masters.set(name, masterFacts(record));
  return round;
}

/** Asks every zone from its token (all from none); null when the service refused a token. */
async function rounds(call: CkCall, zones: string[], cursor: PhotosCursor | null): Promise<ZoneRound[] | null> {
  const budget: RecordBudget = { left: MAX_RECORDS_PER_RUN };
  const done: ZoneRound[] = [];
  for (const zone of zones) {
    const token = cursor?.zones[zone] ?? null;
    try {
      done.push(await roundOf(call, zone, token, budget));
    } catch (error) {
      // 400 (BAD_REQUEST) or 410 for a token the service no longer knows: a full listing.
      if (token !== null && error instanceof HttpError && (error.status === 400 || error.status === 410)) return null;
      throw error;
    }
  }
  return done;
}

function resourcesOf(round: ZoneRound, assets: Iterable<AssetFacts>, folders: Map<string, string>, editedVersions: boolean): ListedResource[] {
  const listed: ListedResource[] = [];
  for (const asset of assets) {
    const master = round.masters.get(asset.masterName);
    if (!master) continue;
    const folder = asset.hidden ? t('icloudPhotosHiddenAlbum') : (folders.get(asset.name) ?? '');
    listed.push(...assetResources({ zone: round.zone, asset, master, folder, editedVersions }));
  }
  return listed;
}

/**
 * Hrefs gone: the files of an asset in Recently Deleted, every file an expunged one may have
 * had, and the edited version of a changed asset that has none now (an edit undone; for a new
 * photo that href names nothing, which the engine ignores).
 */
function removedOf(round: ZoneRound, listed: RemotePhoto[], editedVersions: boolean): string[] {
  const removed = resourcesOf(round, round.trashed.values(), new Map(), editedVersions).map((r) => r.photo.href);
  for (const name of round.gone) removed.push(...assetHrefs(round.zone, name));
  if (!editedVersions) return removed;
  const present = new Set(listed.map((p) => p.href));
  for (const name of round.assets.keys()) {
    const edited = resourceHref({ zone: round.zone, asset: name, part: 'edited' });
    if (!present.has(edited)) removed.push(edited);
  }
  return removed;
}

export async function listLibrary(call: CkCall, cursor: PhotosCursor | null, editedVersions: boolean): Promise<LibraryListing> {
  const zones = await listZones(call);
  if (!zones.includes(PRIMARY_ZONE)) throw new IcloudPhotosNotSetUpError();
  for (const zone of zones) await checkIndexed(call, zone);
  // A zone of the cursor gone (a Shared Library left): its files are named nowhere, so compare all.
  const usable = cursor && Object.keys(cursor.zones).every((zone) => zones.includes(zone)) ? cursor : null;
  let done = usable ? await rounds(call, zones, usable) : null;
  const mode = done ? 'delta' : 'full';
  done ??= (await rounds(call, zones, null))!;
  const anyAsset = done.some((round) => round.assets.size > 0);
  // Albums live in PrimarySync (the Shared Library has none: icloud-photos-sync).
  const folders = anyAsset ? await albumFolders(call, PRIMARY_ZONE) : new Map<string, string>();
  const listed = done.flatMap((round) => resourcesOf(round, round.assets.values(), folders, editedVersions));
  const photos = listed.map((l) => l.photo);
  const tokens = Object.fromEntries(done.flatMap((round) => (round.token ? [[round.zone, round.token]] : [])));
  const next = Object.keys(tokens).length === done.length ? encodeCursor({ zones: tokens }) : null;
  const changes: PhotoChanges = mode === 'full' ? { mode, photos, cursor: next } : { mode, changed: photos, removed: done.flatMap((round) => removedOf(round, photos, editedVersions)), cursor: next };
  return { changes, listed };
}
