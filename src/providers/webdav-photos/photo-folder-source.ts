// A WebDAV folder of photos (Nextcloud/ownCloud, Synology, a NAS, Fastmail files, rclone):
// the account's URL is the folder itself, no discovery. Requests share the DAV layer: Basic
// credentials, redirects, retries with backoff for listings, the per-host limit.
import { asCollectionUrl } from '../dav/dav-href';
import { createAccountContext, type AccountConnection, type HttpContextOptions } from '../../http/http-context';
import type { FolderWalkSource } from '../../model/photo-source';
import { getPhoto } from './photo-get';
import { listFolder } from './list-folder';
import { walkFolders } from './walk-folders';

export interface PhotoFolderSource extends FolderWalkSource {
  /** Checks the folder answers PROPFIND with these credentials; how many photos lie at its top. */
  probe(): Promise<{ photos: number; folders: number }>;
}

export function createPhotoFolderSource(conn: AccountConnection, options: HttpContextOptions = {}): PhotoFolderSource {
  const ctx = createAccountContext(conn, options);
  const root = asCollectionUrl(ctx.serverUrl);
  return {
    async probe() {
      const listing = await listFolder(ctx, root);
      return { photos: listing.photos.length, folders: listing.folders.length };
    },
    listFolders: () => walkFolders(ctx, root),
    download: (photo, offset, consume) => getPhoto(ctx, photo, offset, consume),
  };
}
