// A OneDrive folder's photos and videos as a PhotoSource: listed through Graph delta
// (drive-changes.ts), each file downloaded from its pre-authenticated address with Range
// (webdav-photos/presigned-get.ts). Graph requests go through the HTTP layer (src/http/): the bearer token,
// renewed once after a 401, per-host limits, and 429/503 retried after Retry-After
// (https://learn.microsoft.com/en-us/graph/throttling).
import type { HttpContextOptions } from '../../http/http-context';
import type { ChangeFeedSource, RemotePhoto } from '../../model/photo-source';
import { freshAddress, listedAddress } from './download-address';
import { listDriveChanges, type ListedItem } from './drive-changes';
import { driveContext, type DriveConnection } from './drive-connection';
import type { DriveFolder } from '../../model/drive-folder';
import { ExpiredAddressError, presignedGet } from '../webdav-photos/presigned-get';

export interface OneDriveConnection extends DriveConnection {
  folder: DriveFolder;
}

/** How long an address from a listing is used before a fresh one is asked for: "a few minutes". */
const ADDRESS_FRESH_MS = 5 * 60_000;

interface Listed {
  address: string | null;
  listedAt: number;
}

export function createOneDrivePhotoSource(conn: OneDriveConnection, options: HttpContextOptions = {}): ChangeFeedSource {
  const ctx = driveContext(conn, options);
  // Where this run's listing said each file can be fetched, and when.
  const listed = new Map<string, Listed>();
  const remember = (items: ListedItem[]) => {
    const now = ctx.retry.now();
    for (const { photo, item } of items) listed.set(photo.href, { address: listedAddress(item), listedAt: now });
  };

  const source: ChangeFeedSource = {
    async listChanges(cursor) {
      const { changes, items } = await listDriveChanges(ctx, conn.folder, cursor);
      remember(items);
      return changes;
    },

    async download(photo: RemotePhoto, offset, consume) {
      const known = listed.get(photo.href);
      const fresh = known?.address && ctx.retry.now() - known.listedAt < ADDRESS_FRESH_MS ? known.address : null;
      try {
        await presignedGet(ctx, fresh ?? (await freshAddress(ctx, photo.href, photo.name)), offset, consume);
      } catch (error) {
        // A listed address may have expired since: one more try with a new one.
        if (!(error instanceof ExpiredAddressError) || !fresh) throw error;
        await presignedGet(ctx, await freshAddress(ctx, photo.href, photo.name), offset, consume);
      }
    },
  };
  return source;
}
