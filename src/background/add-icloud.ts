// Adding iCloud through the browser's own icloud.com sign-in: one validate at the setup address
// (a person is waiting: two tries). Signed out, nothing is saved and the page says how to sign
// in; signed in, the contacts-and-calendars account is saved (named after the Apple ID's owner),
// the photos one too when asked, the Origin rule is installed for their hosts, and the first
// mirrors start in the background, reporting through the database. Lifeboat never sees the
// Apple ID password or a two-factor code, and opens no session of its own.
import { openDb } from '../db/schema';
import { insertAccount, listAccounts } from '../db/accounts';
import { createHttpContext } from '../http/http-context';
import { validateSession } from '../providers/icloud-web/web-session';
import { IcloudSignedOutError } from '../providers/icloud-web/icloud-errors';
import { ICLOUD_SETUP_URLS, icloudWebSetup } from '../providers/icloud-web/setup';
import { icloudPhotosSetup } from '../providers/icloud-photos/setup';
import type { NewIcloudSession, Result } from '../shared/rpc-contract';
import { readIcloudSettings } from '../shared/icloud-settings';
import { t } from '../catalog/catalog-text';
import { refreshIcloudOriginRule } from './icloud-origin-rule';
import { syncOne } from './sync-runner';

const INTERACTIVE = { retry: { maxAttempts: 2 } };

export async function addIcloudSession(request: NewIcloudSession): Promise<Result<'addIcloudSession'>> {
  const setupUrl = (await readIcloudSettings()).setupUrl ?? ICLOUD_SETUP_URLS[request.region];
  // The rule first: the service refuses a validate without icloud.com's Origin.
  await refreshIcloudOriginRule([setupUrl]);
  const ctx = createHttpContext({ serverUrl: setupUrl, authorization: '', credentials: 'browser-session', options: INTERACTIVE });
  let session: { owner: string | null; dsid: string };
  try {
    session = await validateSession(ctx, setupUrl);
  } catch (error) {
    if (error instanceof IcloudSignedOutError) {
      await refreshIcloudOriginRule();
      return { signedIn: false };
    }
    throw error;
  }
  const label = session.owner ?? 'iCloud';
  const db = openDb();
  // The Apple ID's dsid is kept as the accounts' user name: the same Apple ID is not added twice,
  // but photos can be added later beside its contacts and calendars.
  const existing = new Set((await listAccounts(db)).filter((a) => a.username === session.dsid).map((a) => a.kind));
  const kinds = [icloudWebSetup.kind, ...(request.photos ? [icloudPhotosSetup.kind] : [])].filter((kind) => !existing.has(kind));
  if (kinds.length === 0) throw new Error(t('icloudAccountAlreadyAdded', label));
  const now = Date.now();
  const common = { serverUrl: setupUrl, calendarServerUrl: null, username: session.dsid };
  const accountIds: string[] = [];
  for (const kind of kinds) {
    const id = crypto.randomUUID();
    accountIds.push(id);
    if (kind === icloudWebSetup.kind) await insertAccount(db, { ...common, id, kind, label, services: ['addressbook', 'calendar'] }, now);
    else await insertAccount(db, { ...common, id, kind, label: t('icloudAccountPhotosLabel', label), services: [], editedVersions: request.editedVersions }, now);
  }
  await refreshIcloudOriginRule();
  for (const id of accountIds) void syncOne(id);
  return { signedIn: true, label, accountIds };
}

