// The options page, one task at a time: accounts (and adding one), photos, export and backups,
// restore, schedule and safety, the log of sync runs. Only the chosen section is shown, so each
// page stays short; wipe alarms are shown above whichever it is.
import { t } from '../shared/i18n';
import { Section } from '../ui/controls/section';
import { Button } from '../ui/controls/button';
import { useNow } from '../ui/use-now';
import { useAccountSummaries } from '../ui/use-account-summaries';
import { alarmSentence } from '../shared/alarm-sentence';
import { useConnector } from '../ui/connect/use-connector';
import { AddAccountForm } from './add-account-form';
import { AddPhotoFolderForm } from './add-photo-folder-form';
import { AddOneDriveForm } from './add-onedrive-form';
import { TakeoutPanel } from './takeout-panel';
import { AddFeedForm } from './add-feed-form';
import { IcloudSessionForm } from './icloud-session-form';
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
import { MirrorOverTime } from './mirror-over-time/mirror-over-time';
import { OptionsNav } from './options-nav';
import { StorageUse } from './storage-use';
import type { SectionId } from './sections';

export function OptionsPage({ section }: { section: SectionId }) {
  const { call } = useConnector();
  const summaries = useAccountSummaries();
  const now = useNow();
  const alarms = summaries?.flatMap((s) => s.alarms) ?? [];
  return (
    <main class="options">
      <header>
        <h1>{t('optionsTitle')}</h1>
        <OptionsNav current={section} />
      </header>
      {alarms.length > 0 && (
        <Section id="alarms" title={t('optionsAlarms')} class="alarms">
          <ul>
            {alarms.map((alarm) => (
              <li key={alarm.id} role="alert">
                {alarmSentence(alarm)}{' '}
                <Button onAction={() => call('acknowledgeAlarm', { alarmId: alarm.id! })}>{t('alarmAcknowledge')}</Button>
              </li>
            ))}
          </ul>
        </Section>
      )}
      {section === 'accounts' && (
        <>
          <Section id="accounts" title={t('optionsAccounts')}>
            {summaries && <AccountsList summaries={summaries} now={now} />}
            <p>
              <a href="#setup">{t('setupLink')}</a>
            </p>
          </Section>
          <Section id="add" title={t('optionsAddAccount')}>
            <AddAccountForm />
          </Section>
          <Section id="add-icloud" title={t('icloudAccountSection')}>
            <p>{t('icloudAccountDifference')}</p>
            <IcloudSessionForm />
          </Section>
          <Section id="sign-in" title={t('optionsSignIn')}>
            <SignInPanel />
            <OAuthClientIds />
          </Section>
          <Section id="add-feed" title={t('optionsAddFeed')}>
            <AddFeedForm />
          </Section>
        </>
      )}
      {section === 'photos' && (
        <Section id="photos" title={t('optionsPhotos')}>
          <AddPhotoFolderForm />
          <AddOneDriveForm />
          <TakeoutPanel />
        </Section>
      )}
      {section === 'backups' && (
        <>
          <Section id="export" title={t('optionsExport')}>
            <ExportPanel />
          </Section>
          <Section id="backup" title={t('optionsBackup')}>
            <BackupPanel />
          </Section>
        </>
      )}
      {section === 'restore' && (
        <Section id="restore" title={t('optionsRestore')}>
          <ImportPanel />
          <PushPanel />
        </Section>
      )}
      {section === 'safety' && (
        <>
          <Section id="settings" title={t('optionsSettings')}>
            <SettingsForm />
          </Section>
          <Section id="lock" title={t('lockHeading')}>
            <PassphraseLock />
          </Section>
          <Section id="storage" title={t('storageHeading')}>
            <StorageUse />
          </Section>
        </>
      )}
      {section === 'activity' && (
        <>
          <Section id="mirror-over-time" title={t('mirrorChartHeading')}>
            {summaries && <MirrorOverTime accounts={summaries.map((s) => s.account)} />}
          </Section>
          <Section id="log" title={t('optionsRunLog')}>
            {summaries && <RunLog accounts={summaries.map((s) => s.account)} />}
          </Section>
        </>
      )}
    </main>
  );
}
