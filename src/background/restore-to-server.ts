// The restore command's connection to the target account: its DAV source (to list what the
// collection already holds) and a writer that only ever creates. Any account on a DAV server
// can receive a restore: one with a password, or one signed in with Google (bearer tokens).
import { openDb } from '../db/schema';
import { getAccount } from '../db/accounts';
import { refusedHref } from '../http/credential-check';
import { createAccountContext } from '../http/http-context';
import { putNewItem } from '../providers/dav/put-new-item';
import { sourceForAccount } from '../providers/source-for-account';
import { providerOf } from '../providers/registry';
import { t } from '../catalog/catalog-text';
import { pushToCollection } from '../restore/push-to-collection';
import type { PushReport } from '../model/push';
import { readers } from '../sync/readers';
import type { RestoreParams } from '../shared/rpc-contract';
import { accountSecret } from './account-secret';

export async function restoreToServer({ targetAccountId, ...params }: RestoreParams): Promise<PushReport> {
  const db = openDb();
  const account = await getAccount(db, targetAccountId);
  const { setup } = providerOf(account.kind);
  if (!setup.canRestoreTo) throw new Error(t('errorRestoreTarget'));
  const secret = await accountSecret(db, account);
  if (secret === null) throw new Error(t('errorSignInAgain'));
  const { source } = sourceForAccount(account, secret);
  const connection = typeof secret === 'string' ? { password: secret } : { password: '', bearer: secret };
  // One context per server the account names (Google's calendars live on another host than its
  // contacts), each sending the credentials only where its own policy allows (http/credential-policy.ts).
  const contexts = [account.serverUrl, ...(account.calendarServerUrl ? [account.calendarServerUrl] : [])].map((serverUrl) =>
    createAccountContext({ serverUrl, username: account.username, allowPlainHttp: account.plainHttpConfirmed === true, ...connection }),
  );
  const contextFor = (url: string) => contexts.find((ctx) => refusedHref(ctx, url) === null) ?? contexts[0]!;
  const target = { source, put: (url: string, body: string, mediaType: string) => putNewItem(contextFor(url), url, body, mediaType), keepsLabels: setup.keepsContactLabels };
  return pushToCollection(db, params, target, readers);
}
