// A paired CPLAsset and CPLMaster as the files the photo engine mirrors: the original under its
// own name, a Live Photo's video part beside it (IMG_0003.JPG and IMG_0003.MOV, as the Photos
// app exports them), and, when asked for, the edited version (IMG_0003-edited.JPG). Each is
// versioned by CloudKit's fileChecksum, which changes with the file; no digest is stated,
// because nobody knows its algorithm (icloud-photos-sync asset.ts), so the engine checks the
// size. `lastModified` carries the date the photo was taken.
import type { RemotePhoto } from '../../model/photo-source';
import type { CkResource } from './ck-record';
import type { AssetFacts, MasterFacts } from './library-records';
import { resourceHref, type ResourcePart } from './resource-href';
import { utiExtension, utiMediaType } from './uti-media-types';

/** A file to mirror, and where this listing says its bytes are. */
export interface ListedResource {
  photo: RemotePhoto;
  address: string;
}

function stem(filename: string): string {
  const dot = filename.lastIndexOf('.');
  return dot > 0 ? filename.slice(0, dot) : filename;
}

function withExtension(base: string, uti: string | null, fallback: string): string {
  return `${base}.${utiExtension(uti) ?? fallback}`;
}

export interface AssetInLibrary {
  zone: string;
  asset: AssetFacts;
  master: MasterFacts;
  /** The album folder (album-folders.ts), '' for none. */
  folder: string;
  editedVersions: boolean;
}

export function assetResources({ zone, asset, master, folder, editedVersions }: AssetInLibrary): ListedResource[] {
  const filename = master.filename ?? withExtension(asset.name.replace(/[^A-Za-z0-9_-]/g, '_'), master.originalType, 'JPG');
  const lastModified = asset.takenAt === null ? null : new Date(asset.takenAt).toISOString();
  const make = (part: ResourcePart, resource: CkResource, name: string, uti: string | null): ListedResource => ({
    address: resource.url,
    photo: {
      href: resourceHref({ zone, asset: asset.name, part }),
      name,
      etag: resource.checksum,
      size: resource.size,
      mime: utiMediaType(uti, name),
      lastModified,
      folder,
      digests: [],
    },
  });
  const found: ListedResource[] = [];
  if (master.original) found.push(make('original', master.original, filename, master.originalType));
  if (master.live) found.push(make('live', master.live, withExtension(stem(filename), master.liveType, 'MOV'), master.liveType));
  if (editedVersions && asset.edited) found.push(make('edited', asset.edited, withExtension(`${stem(filename)}-edited`, asset.editedType, 'JPG'), asset.editedType));
  return found;
}
