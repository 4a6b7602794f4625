// PLACEHOLDER, replaced by the icloud-items branch (the real contacts and calendar source).
// Only its signature is fixed here so that the account's provider compiles before that branch
// lands; it validates the session (so the account's statuses work) and then refuses.
import type { HttpContext } from '../../http/http-context';
import type { Source } from '../../model/source';
import type { SessionGetter } from './session-once';

export function createIcloudItemsSource(params: { ctx: HttpContext; session: SessionGetter }): Source {
  const refuse = async (): Promise<never> => {
    await params.session();
    throw new Error('iCloud contacts and calendars are not built yet');
  };
  return { listCollections: refuse, listChanges: refuse, fetchItems: refuse };
}
