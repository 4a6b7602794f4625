// One call to the CloudKit web service of iCloud Photos: POST of JSON to
// {ckdatabasews}/database/1/com.apple.photos.cloud/production/private/<operation> (icloudpd
// pyicloud_ipd/services/photos.py; icloud-photos-sync icloud-photos.ts), with the session's
// client parameters, through icloudJson (the browser's icloud.com cookies, 421/450 as "sign in
// again", CloudKit's refusals as errors the engine knows).
import type { HttpContext } from '../../http/http-context';
import { serviceUrl } from '../icloud-web/client-params';
import { IcloudPhotosNotSetUpError } from '../icloud-web/icloud-errors';
import { icloudJson } from '../icloud-web/icloud-json';
import type { IcloudSession } from '../icloud-web/web-session';

export const PHOTOS_DATABASE = 'database/1/com.apple.photos.cloud/production/private/';

export type CkCall = <T>(operation: string, body: unknown, read: (json: unknown, url: string) => T) => Promise<T>;

/**
 * Calls on the session's CloudKit address. Queries carry remapEnums and getCurrentSyncToken as
 * icloudpd's do; a session without the ckdatabasews service has no iCloud Photos.
 */
export function cloudKitCall(ctx: HttpContext, session: IcloudSession): CkCall {
  const base = session.services.ckdatabasews;
  return (operation, body, read) => {
    if (!base) throw new IcloudPhotosNotSetUpError();
    const extra: Record<string, string> = operation === 'records/query' ? { remapEnums: 'true', getCurrentSyncToken: 'true' } : {};
    return icloudJson(ctx, { method: 'POST', url: serviceUrl(base, `${PHOTOS_DATABASE}${operation}`, session.params, extra), body }, read);
  };
}

export const zoneIdOf = (zoneName: string) => ({ zoneName });
