// What each command does. Thin: the work lives in providers/, sync/, db/ and exporters/.
import { openDb } from '../db/schema';
import { getAccount, insertAccount, updateAccount } from '../db/accounts';
import { setCollectionEnabled } from '../db/collections';
import { acknowledgeAlarm } from '../db/alarms';
import { writeSettings } from '../db/settings';
import { removeAccountData } from '../db/remove-account';
import type { FoundCollection, NewDavAccount } from '../shared/rpc-contract';
import type { RemoteCollection } from '../model/source';
import type { Handlers } from './rpc-server';
import { forgetPassword, savePassword } from './credentials';
import { syncAll, syncOne } from './sync-runner';
import { saveArchive, saveExport } from './save-download';
import { ensureSnapshotAlarm, takeSnapshot } from './snapshots';
import { restoreToServer } from './restore-to-server';
import { discoverServices } from './discover-services';
import { addFeed } from './add-feed';
import { signInAgain, signInWith } from './oauth-sign-in';
import { forgetTokens } from '../auth/token-store';
import { ensureSyncAlarm } from './schedule';
import { refreshBadge } from './attention';
import { restoreVersion } from '../db/restore-version';
import { readers } from '../sync/readers';
import { addPhotoFolder } from './add-photo-folder';
import { addOneDrivePhotos } from './add-onedrive-photos';
import { recheckDuePhotos } from './photo-recheck';
import { lockHandlers } from './lock-handlers';
import { requirePlainHttpConfirmed } from './require-plain-http-confirmed';
import { davSetup } from '../providers/dav/setup';
import { requiredArchivePassphrase } from '../secrets/archive-passphrase';
import { t } from '../catalog/catalog-text';
import { refreshIcloudOriginRuleQuietly } from './icloud-origin-rule';
import { addIcloudSession } from './add-icloud';
import { saveIcloudDiagnostic } from './icloud-diagnostic';
import { markMoment } from '../shared/phase-times';

const plainHttpChecked = (account: NewDavAccount): void =>
  requirePlainHttpConfirmed({ urls: [account.serverUrl, account.calendarServerUrl], confirmed: account.plainHttpConfirmed });

const found = (collections: RemoteCollection[]): FoundCollection[] =>
  collections.map((c) => ({ name: c.displayName, kind: c.kind }));

export const handlers: Handlers = {
  async testConnection(account) {
    plainHttpChecked(account);
    return { collections: found((await discoverServices(account)).collections) };
  },

  async addAccount(account: NewDavAccount) {
    markMoment('add-asked');
    plainHttpChecked(account);
    const { services, collections, discovery } = await discoverServices(account);
    markMoment('add-discovered');
    const id = crypto.randomUUID();
    await savePassword(id, account.password);
    await insertAccount(
      openDb(),
      {
        id,
        kind: davSetup.kind,
        label: account.label.trim() || account.username,
        serverUrl: account.serverUrl,
        calendarServerUrl: account.calendarServerUrl || null,
        services,
        username: account.username,
        ...(account.plainHttpConfirmed ? { plainHttpConfirmed: true as const } : {}),
      },
      Date.now(),
    );
    // What the form's check found is not looked for again by the first run.
    await updateAccount(openDb(), id, { discovery });
    markMoment('add-saved');
    // The first mirror runs on its own; its progress reaches the pages through the database.
    void syncOne(id);
    return { accountId: id, collections: found(collections) };
  },

  addFeed: (feed) => addFeed(feed),
  signIn: ({ provider }) => signInWith(provider),
  signInAgain: ({ accountId }) => signInAgain(accountId),

  async updatePassword({ accountId, password, plainHttpConfirmed }) {
    const db = openDb();
    const account = await getAccount(db, accountId);
    // A new password is a new secret on its way over the wire: plain http beyond loopback needs
    // the person's tick under it, as when the account was added (a page cannot skip the form).
    requirePlainHttpConfirmed({ urls: [account.serverUrl, account.calendarServerUrl], confirmed: plainHttpConfirmed });
    await discoverServices({ ...account, calendarServerUrl: account.calendarServerUrl ?? undefined, password, plainHttpConfirmed: plainHttpConfirmed === true });
    await savePassword(accountId, password);
    await updateAccount(db, accountId, { status: 'idle', lastError: null, ...(plainHttpConfirmed ? { plainHttpConfirmed: true as const } : {}) });
    await refreshBadge();
    void syncOne(accountId);
    return { ok: true };
  },

  async removeAccount({ accountId, keepData }) {
    await removeAccountData(openDb(), accountId, { keepData });
    await forgetPassword(accountId);
    await forgetTokens(accountId);
    await refreshIcloudOriginRuleQuietly();
    await refreshBadge();
    return { ok: true };
  },

  async renameAccount({ accountId, label }) {
    const name = label.trim();
    if (!name) throw new Error(t('errorAccountNeedsName'));
    await updateAccount(openDb(), accountId, { label: name });
    return { ok: true };
  },

  async setCollectionEnabled({ collectionId, enabled }) {
    await setCollectionEnabled(openDb(), collectionId, enabled);
    return { ok: true };
  },

  async syncNow({ accountId }) {
    if (accountId) {
      await syncOne(accountId);
      return { runs: 1 };
    }
    return { runs: await syncAll({ includePaused: true }) };
  },

  async acknowledgeAlarm({ alarmId }) {
    await acknowledgeAlarm(openDb(), alarmId);
    await refreshBadge();
    return { ok: true };
  },

  async updateSettings(changes) {
    const settings = await writeSettings(openDb(), changes);
    await ensureSyncAlarm(settings.syncIntervalMinutes);
    await ensureSnapshotAlarm(settings.snapshotEveryDays);
    return settings;
  },

  exportContacts: async (params) => (await saveExport('contacts', params)).result,
  exportCalendars: async (params) => (await saveExport('calendars', params)).result,
  exportArchive: async ({ encrypt, ...params }) => (await saveArchive({ ...params, ...(encrypt ? { password: await requiredArchivePassphrase() } : {}) }, { confirmName: true })).result,
  snapshotNow: () => takeSnapshot(),
  restoreToCollection: (params) => restoreToServer(params),

  async restoreVersion({ versionId }) {
    const item = await restoreVersion(openDb(), versionId, readers, Date.now());
    return { itemId: item.id };
  },

  addPhotoFolder,
  addOneDrivePhotos,
  addIcloudSession,
  saveIcloudDiagnostic,
  recheckPhotos: () => recheckDuePhotos(Date.now() + 1),
  ...lockHandlers,
};
