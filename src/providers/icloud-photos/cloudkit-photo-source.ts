// iCloud Photos as a photo source with a change feed (model/photo-source.ts ChangeFeedSource),
// through the CloudKit web service icloud.com's Photos app uses and the browser's icloud.com
// session (icloud-web/): the library's zones listed by their sync tokens (library-listing.ts),
// files downloaded from their short-lived addresses (photo-download.ts). Under Advanced Data
// Protection the photos service's keys are asked for once, before CloudKit (web-access.ts).
import type { HttpContext } from '../../http/http-context';
import type { ChangeFeedSource } from '../../model/photo-source';
import type { SessionGetter } from '../icloud-web/session-once';
import { cloudKitCall, type CkCall } from './cloudkit-call';
import { listLibrary } from './library-listing';
import { downloadResource } from './photo-download';
import { decodeCursor } from './photos-cursor';
import { openPhotosAccess } from './web-access';

export interface IcloudPhotoSourceParams {
  /** The HTTP context of the account's session (credentials 'browser-session', server: setup.icloud.com). */
  ctx: HttpContext;
  session: SessionGetter;
  /** Mirror each edited photo's edited version too, as a file of its own. */
  editedVersions: boolean;
}

export function createIcloudPhotoSource({ ctx, session, editedVersions }: IcloudPhotoSourceParams): ChangeFeedSource {
  let opened: Promise<CkCall> | null = null;
  // One validate and one Advanced Data Protection check per source (a run), on first use; a
  // failure is not remembered, so the next call asks again.
  const call = (): Promise<CkCall> => {
    opened ??= session()
      .then(async (s) => (await openPhotosAccess(ctx, s), cloudKitCall(ctx, s)))
      .catch((error: unknown) => {
        opened = null;
        throw error;
      });
    return opened;
  };
  // Where this run's listing said each file's bytes are.
  const addresses = new Map<string, string>();

  return {
    async listChanges(cursor) {
      const { changes, listed } = await listLibrary(await call(), decodeCursor(cursor), editedVersions);
      for (const { photo, address } of listed) addresses.set(photo.href, address);
      // A file gone from the library is not fetched from an address listed before it went.
      if (changes.mode === 'delta') for (const href of changes.removed) addresses.delete(href);
      return changes;
    },
    download: (photo, offset, consume) => downloadResource({ ctx, call, listed: addresses.get(photo.href) ?? null, photo, offset, consume }),
  };
}
