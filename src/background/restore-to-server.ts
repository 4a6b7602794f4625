// The restore command's connection to the target account: its DAV source (to list what the
// collection already holds) and a writer that only ever creates.
import { openDb } from '../db/schema';
import { getAccount } from '../db/accounts';
import { createDavContext } from '../sources/dav/dav-connection';
import { putNewItem } from '../sources/dav/put-new-item';
import { sourceForAccount } from '../sources/source-for-account';
import { pushToCollection, type PushReport } from '../restore/push-to-collection';
import { readers } from '../sync/readers';
import type { RestoreParams } from '../shared/rpc-contract';
import { loadPassword } from './credentials';

export async function restoreToServer({ targetAccountId, ...params }: RestoreParams): Promise<PushReport> {
  const db = openDb();
  const account = await getAccount(db, targetAccountId);
  if (account.kind !== 'dav') throw new Error('Choose an account on a server to restore into');
  const password = await loadPassword(account.id);
  const { source } = sourceForAccount(account, password);
  const ctx = createDavContext({ serverUrl: account.serverUrl, username: account.username, password });
  return pushToCollection(db, params, { source, put: (url, body, mediaType) => putNewItem(ctx, url, body, mediaType) }, readers);
}
