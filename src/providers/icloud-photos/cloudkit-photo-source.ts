// PLACEHOLDER, replaced by the icloud-photos branch (the real CloudKit photo source). Only its
// signature is fixed here so that the account's provider compiles before that branch lands; it
// validates the session (so the account's statuses work) and then refuses.
import type { HttpContext } from '../../http/http-context';
import type { ChangeFeedSource } from '../../model/photo-source';
import type { SessionGetter } from '../icloud-web/session-once';

export function createIcloudPhotoSource(params: { ctx: HttpContext; session: SessionGetter; editedVersions: boolean }): ChangeFeedSource {
  const refuse = async (): Promise<never> => {
    await params.session();
    throw new Error('iCloud Photos is not built yet');
  };
  return { listChanges: refuse, download: refuse };
}
