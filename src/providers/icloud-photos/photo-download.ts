// A file's bytes from the download host (cvws.icloud-content.com): the address the listing gave,
// or, when this run did not list it or the address expired (each carries its expiry, `e=`;
// the reproduction answers an expired one 403), a fresh one from records/lookup of the
// asset (the edited version) or its master (the original, a Live Photo's video part). The
// address is its own credential: the GET carries no cookie (`credentials: 'none'`, like
// icloudpd's recorded request) and resumes with Range (webdav-photos/presigned-get.ts, shared
// with OneDrive). 503 with Retry-After is waited out by the engine's download retry loop.
import type { HttpContext } from '../../http/http-context';
import type { PhotoBody, RemotePhoto } from '../../model/photo-source';
import { ExpiredAddressError, presignedGet } from '../webdav-photos/presigned-get';
import { numberField, referenceField, resourceField } from './ck-record';
import type { CkCall } from './cloudkit-call';
import { fileGone } from './icloud-photos-errors';
import { lookupRecords } from './record-lookup';
import { parseResourceHref } from './resource-href';

const FIELDS = { original: 'resOriginalRes', live: 'resOriginalVidComplRes', edited: 'resJPEGFullRes' } as const;

/** A fresh download address for the file `photo` names. */
export async function freshAddress(call: CkCall, photo: RemotePhoto): Promise<string> {
  const name = parseResourceHref(photo.href);
  if (!name) throw fileGone(photo.name);
  const found = (await lookupRecords(call, name.zone, [name.asset])).get(name.asset);
  // In Recently Deleted: still held by iCloud for a while, but no longer in the library.
  const asset = found && numberField(found, 'isDeleted') !== 1 ? found : undefined;
  if (!asset) throw fileGone(photo.name);
  const masterName = referenceField(asset, 'masterRef');
  const holder = name.part === 'edited' || !masterName ? asset : (await lookupRecords(call, name.zone, [masterName])).get(masterName);
  const resource = holder ? resourceField(holder, FIELDS[name.part]) : null;
  if (!resource) throw fileGone(photo.name);
  return resource.url;
}

export interface DownloadParams {
  ctx: HttpContext;
  call: () => Promise<CkCall>;
  /** The address this run's listing gave, if it listed the file. */
  listed: string | null;
  photo: RemotePhoto;
  offset: number;
  consume: (answer: PhotoBody) => Promise<void>;
}

export async function downloadResource({ ctx, call, listed, photo, offset, consume }: DownloadParams): Promise<void> {
  try {
    await presignedGet(ctx, listed ?? (await freshAddress(await call(), photo)), offset, consume);
  } catch (error) {
    // A listed address may have expired since: one more try with a new one.
    if (!(error instanceof ExpiredAddressError) || !listed) throw error;
    await presignedGet(ctx, await freshAddress(await call(), photo), offset, consume);
  }
}
