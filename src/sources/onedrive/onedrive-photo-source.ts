// A OneDrive folder's photos and videos as a PhotoSource: listed through Graph delta
// (drive-changes.ts), each file downloaded from its pre-authenticated address with Range
// (storage-get.ts). Graph requests share the DAV engine's request path: the bearer token,
// renewed once after a 401, per-host limits, and 429/503 retried after Retry-After
// (https://learn.microsoft.com/en-us/graph/throttling).
import type { DavContextOptions } from '../dav/dav-connection';
import type { ChangeFeedSource, RemotePhoto } from '../photo-source';
import { freshAddress, listedAddress } from './download-address';
import { listDriveChanges, type ListedItem } from './drive-changes';
import { driveContext, type DriveConnection } from './drive-connection';
import type { DriveFolder } from './drive-folder';
import { checkQuickXor } from './quick-xor-check';
import { ExpiredAddressError, storageGet } from './storage-get';

export interface OneDriveConnection extends DriveConnection {
  folder: DriveFolder;
}

/** How long an address from a listing is used before a fresh one is asked for: "a few minutes". */
const ADDRESS_FRESH_MS = 5 * 60_000;

interface Listed {
  address: string | null;
  listedAt: number;
  /** Set when it is the only digest stated (OneDrive for Business). */
  quickXor: string | null;
}

export function createOneDrivePhotoSource(conn: OneDriveConnection, options: DavContextOptions = {}): ChangeFeedSource {
  const ctx = driveContext(conn, options);
  // What this run's listing said of each file: where to fetch it, and its QuickXorHash.
  const listed = new Map<string, Listed>();
  const remember = (items: ListedItem[]) => {
    const now = ctx.retry.now();
    for (const { photo, item } of items) {
      const quickXor = photo.digests.length === 0 ? (item.file?.hashes?.quickXorHash ?? null) : null;
      listed.set(photo.href, { address: listedAddress(item), listedAt: now, quickXor });
    }
  };

  const source: ChangeFeedSource = {
    async listChanges(cursor) {
      const { changes, items } = await listDriveChanges(ctx, conn.folder, cursor);
      remember(items);
      return changes;
    },

    async download(photo: RemotePhoto, offset, consume) {
      const known = listed.get(photo.href);
      const quickXor = known?.quickXor ?? null;
      const check = quickXor ? (body: ReadableStream<Uint8Array>) => checkQuickXor(body, quickXor, photo.name) : undefined;
      // The QuickXorHash check needs every byte in one pass: such files start over at byte 0
      // (the engine takes an answer that starts elsewhere than it asked, as from a 200).
      const from = quickXor ? 0 : offset;
      const fresh = known?.address && ctx.retry.now() - known.listedAt < ADDRESS_FRESH_MS ? known.address : null;
      try {
        await storageGet(ctx, fresh ?? (await freshAddress(ctx, photo.href, photo.name)), from, consume, check);
      } catch (error) {
        // A listed address may have expired since: one more try with a new one.
        if (!(error instanceof ExpiredAddressError) || !fresh) throw error;
        await storageGet(ctx, await freshAddress(ctx, photo.href, photo.name), from, consume, check);
      }
    },
  };
  return source;
}
