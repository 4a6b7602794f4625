// Adding iCloud through the browser's own icloud.com sign-in: one validate at the setup address
// (a person is waiting: two tries). Signed out, nothing is saved and the page says how to sign
// in; signed in, the contacts-and-calendars account is saved (named after the Apple ID's owner),
// the photos one too when asked, the Origin rule is installed for their hosts, and the first
// mirrors start in the background, reporting through the database. Lifeboat never sees the
// Apple ID password or a two-factor code, and opens no session of its own.
import { openDb } from '../db/schema';
import { insertAccount } from '../db/accounts';
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
  let owner: string | null;
  try {
    ({ owner } = await validateSession(ctx, setupUrl));
  } catch (error) {
    if (error instanceof IcloudSignedOutError) {
      await refreshIcloudOriginRule();
      return { signedIn: false };
    }
    throw error;
  }
  const label = owner ?? 'iCloud';
  const db = openDb();
  const now = Date.now();
  const common = { serverUrl: setupUrl, calendarServerUrl: null, username: '' };
  const accountIds = [crypto.randomUUID()];
  await insertAccount(db, { ...common, id: accountIds[0]!, kind: icloudWebSetup.kind, label, services: ['addressbook', 'calendar'] }, now);
  if (request.photos) {
    accountIds.push(crypto.randomUUID());
    await insertAccount(db, { ...common, id: accountIds[1]!, kind: icloudPhotosSetup.kind, label: t('icloudAccountPhotosLabel', label), services: [], editedVersions: request.editedVersions }, now);
  }
  await refreshIcloudOriginRule();
  for (const id of accountIds) void syncOne(id);
  return { signedIn: true, label, accountIds };
}

