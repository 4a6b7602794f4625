// A stable name for each file of an iCloud photo, used as its href (the mirror's key): the zone,
// the CPLAsset's record name and which of its files. Download addresses cannot serve: they
// expire (the `e=` of every address, icloudpd listing_photos.yml) and change on every listing,
// and the CloudKit host differs between sessions (pNN-ckdatabasews). The address is looked up
// when the file is downloaded (photo-download.ts).

/** The original, a Live Photo's video part, and the edited version. */
export type ResourcePart = 'original' | 'live' | 'edited';

const PARTS: readonly ResourcePart[] = ['original', 'live', 'edited'];
const BASE = 'https://www.icloud.com/photos/';

export interface ResourceName {
  zone: string;
  asset: string;
  part: ResourcePart;
}

export function resourceHref({ zone, asset, part }: ResourceName): string {
  return `${BASE}${encodeURIComponent(zone)}/${encodeURIComponent(asset)}/${part}`;
}

/** Every href a photo's asset may have had: what goes when it does. */
export function assetHrefs(zone: string, asset: string): string[] {
  return PARTS.map((part) => resourceHref({ zone, asset, part }));
}

export function parseResourceHref(href: string): ResourceName | null {
  if (!href.startsWith(BASE)) return null;
  const [zone, asset, part, ...rest] = href.slice(BASE.length).split('/');
  if (!zone || !asset || rest.length > 0 || !(PARTS as readonly string[]).includes(part ?? '')) return null;
  return { zone: decodeURIComponent(zone), asset: decodeURIComponent(asset), part: part as ResourcePart };
}
