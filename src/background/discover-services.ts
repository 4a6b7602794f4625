// What an account offers: its address books (CardDAV) and calendars (CalDAV). Both are tried;
// a server offering only one is fine. A refused password, or a service pointed at a foreign
// host, is reported at once; when neither service answers, the person hears why the contacts
// side failed.
import type { NewDavAccount } from '../shared/rpc-contract';
import type { CollectionKind, RemoteCollection } from '../model/source';
import { createDavSource } from '../providers/dav/dav-source';
import type { BearerAuth } from '../http/http-context';
import type { Discovery } from '../model/discovery';
import { isCredentialsRejected } from '../sync/describe-error';
import { isPolicyRefusal } from '../http/policy-errors';
import { t } from '../catalog/catalog-text';

export interface Discovered {
  services: CollectionKind[];
  collections: RemoteCollection[];
  /**
   * Where each service's collections were found, to be saved with the account: its first run
   * then starts from these homes instead of discovering them again (2–4 requests per kind).
   */
  discovery: Partial<Record<CollectionKind, Discovery>>;
}

const KINDS: CollectionKind[] = ['addressbook', 'calendar'];
const INTERACTIVE = { retry: { maxAttempts: 2 } };

/** `bearer`: a signed-in account (Google), whose requests carry its OAuth token. */
export async function discoverServices(account: NewDavAccount, bearer?: BearerAuth): Promise<Discovered> {
  const discovery: Discovered['discovery'] = {};
  const attempts = await Promise.allSettled(
    KINDS.map(async (kind) => {
      const serverUrl = kind === 'calendar' ? account.calendarServerUrl || account.serverUrl : account.serverUrl;
      // A person is waiting on the form: two tries, not the scheduled runs' patient five.
      // A password goes over plain http beyond loopback only once the person ticked the warning.
      const connection = { serverUrl, username: account.username, password: account.password, allowPlainHttp: account.plainHttpConfirmed === true };
      const source = createDavSource({ ...connection, ...(bearer ? { bearer } : {}) }, kind, INTERACTIVE);
      // Which collections there are, not whether they changed: the first run lists them anew.
      const collections = await source.listCollections({ changeMarks: false });
      if (source.discovery !== undefined && collections.length > 0) discovery[kind] = source.discovery;
      return collections;
    }),
  );
  const refused = attempts.find((a) => a.status === 'rejected' && isCredentialsRejected(a.reason));
  if (refused?.status === 'rejected') throw refused.reason;
  // A service the server pointed to a foreign host (or answered with a body past a cap) is no
  // "server offering only one": adding the rest would drop that service for good, unsaid.
  const hostile = attempts.find((a) => a.status === 'rejected' && isPolicyRefusal(a.reason));
  if (hostile?.status === 'rejected') throw hostile.reason;

  const services: CollectionKind[] = [];
  const collections: RemoteCollection[] = [];
  attempts.forEach((attempt, index) => {
    if (attempt.status === 'fulfilled' && attempt.value.length > 0) {
      services.push(KINDS[index]!);
      collections.push(...attempt.value);
    }
  });
  if (services.length > 0) return { services, collections, discovery };
  const first = attempts[0];
  if (first?.status === 'rejected') throw first.reason;
  throw new Error(t('errorNoCollections'));
}
