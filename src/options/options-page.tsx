// The options page, one task at a time: accounts (and adding one), photos, export and backups,
// restore, schedule and safety, the log of sync runs. Only the chosen section is shown, so each
// page stays short; wipe alarms are shown above whichever it is.
import { openDb } from '../db/schema';
import { t } from '../shared/i18n';
import { useLiveQuery } from '../ui/use-live-query';
import { useNow } from '../ui/use-now';
import { accountSummaries } from '../ui/account-summaries';
import { alarmSentence } from '../shared/alarm-sentence';
import { useConnector } from '../ui/connect/use-connector';
import { AddAccountForm } from './add-account-form';
import { AddPhotoFolderForm } from './add-photo-folder-form';
import { AddOneDriveForm } from './add-onedrive-form';
import { TakeoutPanel } from './takeout-panel';
import { AddFeedForm } from './add-feed-form';
import { SignInPanel } from './sign-in-panel';
import { OAuthClientIds } from './oauth-client-ids';
import { AccountsList } from './accounts-list';
import { ExportPanel } from './export-panel';
import { SettingsForm } from './settings-form';
import { BackupPanel } from './backup-panel';
import { PassphraseLock } from './passphrase-lock';
import { ImportPanel } from './import-panel';
import { PushPanel } from './push-panel';
import { RunLog } from './run-log';
import { OptionsNav } from './options-nav';
import { StorageUse } from './storage-use';
import type { SectionId } from './sections';

export function OptionsPage({ section }: { section: SectionId }) {
  const { call } = useConnector();
  const summaries = useLiveQuery(() => accountSummaries(openDb()));
  const now = useNow();
  const alarms = summaries?.flatMap((s) => s.alarms) ?? [];
  return (
    <main class="options">
      <header>
        <h1>{t('optionsTitle')}</h1>
        <OptionsNav current={section} />
      </header>
      {alarms.length > 0 && (
        <section aria-labelledby="alarms-heading" class="alarms">
          <h2 id="alarms-heading">{t('optionsAlarms')}</h2>
          <ul>
            {alarms.map((alarm) => (
              <li key={alarm.id} role="alert">
                {alarmSentence(alarm)}{' '}
                <button type="button" onClick={() => void call('acknowledgeAlarm', { alarmId: alarm.id! })}>
                  {t('alarmAcknowledge')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {section === 'accounts' && (
        <>
          <section aria-labelledby="accounts-heading">
            <h2 id="accounts-heading">{t('optionsAccounts')}</h2>
            {summaries && <AccountsList summaries={summaries} now={now} />}
            <p>
              <a href="#setup">{t('setupLink')}</a>
            </p>
          </section>
          <section aria-labelledby="add-heading">
            <h2 id="add-heading">{t('optionsAddAccount')}</h2>
            <AddAccountForm />
          </section>
          <section aria-labelledby="sign-in-heading">
            <h2 id="sign-in-heading">{t('optionsSignIn')}</h2>
            <SignInPanel />
            <OAuthClientIds />
          </section>
          <section aria-labelledby="add-feed-heading">
            <h2 id="add-feed-heading">{t('optionsAddFeed')}</h2>
            <AddFeedForm />
          </section>
        </>
      )}
      {section === 'photos' && (
        <section aria-labelledby="photos-heading">
          <h2 id="photos-heading">{t('optionsPhotos')}</h2>
          <AddPhotoFolderForm />
          <AddOneDriveForm />
          <TakeoutPanel />
        </section>
      )}
      {section === 'backups' && (
        <>
          <section aria-labelledby="export-heading">
            <h2 id="export-heading">{t('optionsExport')}</h2>
            <ExportPanel />
          </section>
          <section aria-labelledby="backup-heading">
            <h2 id="backup-heading">{t('optionsBackup')}</h2>
            <BackupPanel />
          </section>
        </>
      )}
      {section === 'restore' && (
        <section aria-labelledby="restore-heading">
          <h2 id="restore-heading">{t('optionsRestore')}</h2>
          <ImportPanel />
          <PushPanel />
        </section>
      )}
      {section === 'safety' && (
        <>
          <section aria-labelledby="settings-heading">
            <h2 id="settings-heading">{t('optionsSettings')}</h2>
            <SettingsForm />
          </section>
          <section aria-labelledby="lock-heading">
            <h2 id="lock-heading">{t('lockHeading')}</h2>
            <PassphraseLock />
          </section>
          <section aria-labelledby="storage-heading">
            <h2 id="storage-heading">{t('storageHeading')}</h2>
            <StorageUse />
          </section>
        </>
      )}
      {section === 'activity' && (
        <section aria-labelledby="log-heading">
          <h2 id="log-heading">{t('optionsRunLog')}</h2>
          {summaries && <RunLog accounts={summaries.map((s) => s.account)} />}
        </section>
      )}
    </main>
  );
}
