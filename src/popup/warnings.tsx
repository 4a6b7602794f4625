// The warning lines at the top of the popup, each with the one action that resolves it:
// a wipe alarm, an account whose password was refused or whose sign-in expired (one click signs
// in again; the mirrored data stays), storage the browser may clear (only once the mirror holds
// something: before the first copy there is nothing to lose, and the first popup should invite, not warn).
// Signing in again waits on the person in the sign-in window: it reports through the database
// (ui/call-through-db.ts), as every command that may outlast Firefox's idle event page.
import { browser } from '../shared/browser';
import { call } from '../shared/rpc-client';
import { callThroughDb } from '../ui/call-through-db';
import { t } from '../shared/i18n';
import { archiveSavedSentence, itemsSavedSentence } from '../ui/saved-file-sentences';
import type { AccountSummary, AlarmView } from '../ui/summarize-accounts';
import { alarmSentence } from '../shared/alarm-sentence';
import { usePersistence } from '../ui/use-persistence';
import { warnStorageMayBeCleared } from '../ui/storage-warning';
import { usesBrowserSession } from '../model/provider-setup';
import { setupOf } from '../providers/setup-registry';

interface Props {
  summaries: AccountSummary[];
  report: (promise: Promise<string | null>) => void;
}

export function Warnings({ summaries, report }: Props) {
  const { persisted, requestPersistence } = usePersistence();
  const alarms = summaries.flatMap((s) => s.alarms);
  const paused = summaries.filter((s) => s.account.status === 'needs-password');
  const expired = summaries.filter((s) => s.account.status === 'needs-sign-in');
  const unprotected = warnStorageMayBeCleared(persisted, summaries);
  if (alarms.length === 0 && paused.length === 0 && expired.length === 0 && !unprotected) return null;
  return (
    <ul class="warnings" aria-label={t('popupWarnings')}>
      {alarms.map((alarm) => (
        <AlarmWarning key={alarm.id} alarm={alarm} report={report} />
      ))}
      {paused.map(({ account }) => (
        <li key={account.id} class="warning">
          <p>{t('warningNeedsPassword', account.label)}</p>
          <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
            {t('warningNeedsPasswordAction')}
          </button>
        </li>
      ))}
      {expired.filter(({ account }) => usesBrowserSession(setupOf(account.kind))).map(({ account }) => (
        <li key={account.id} class="warning">
          <p>{t('icloudAccountWarningSignedOut', account.label)}</p>
          {/* Signing in there is all it takes: the schedule checks again and resumes by itself. */}
          <button type="button" class="primary" onClick={() => void browser.tabs.create({ url: 'https://www.icloud.com/' })}>
            {t('icloudAccountOpenIcloud')}
          </button>
        </li>
      ))}
      {expired.filter(({ account }) => !usesBrowserSession(setupOf(account.kind))).map(({ account }) => (
        <li key={account.id} class="warning">
          <p>{t('warningNeedsSignIn', account.label)}</p>
          <button type="button" class="primary" onClick={() => report(callThroughDb('signInAgain', { accountId: account.id }).then(() => t('signedInAgain')))}>
            {t('warningNeedsSignInAction')}
          </button>
        </li>
      ))}
      {unprotected && (
        <li class="warning warning-mild">
          <p>{t('warningNotPersistent')}</p>
          <button type="button" onClick={() => void requestPersistence()}>
            {t('warningNotPersistentAction')}
          </button>
        </li>
      )}
    </ul>
  );
}

function AlarmWarning({ alarm, report }: { alarm: AlarmView; report: Props['report'] }) {
  const exportBefore = () => {
    if (alarm.collectionKind === 'photos') {
      // The full backup holds every photo the mirror kept, those deleted upstream included.
      report(callThroughDb('exportArchive', {}).then(archiveSavedSentence));
      return;
    }
    const command = alarm.collectionKind === 'calendar' ? 'exportCalendars' : 'exportContacts';
    report(callThroughDb(command, { asOf: alarm.before }).then(itemsSavedSentence));
  };
  return (
    <li class="warning warning-alarm" role="alert">
      <p>{alarmSentence(alarm)}</p>
      <div class="actions">
        <button type="button" class="primary" onClick={exportBefore}>
          {t('alarmExportBefore')}
        </button>
        <button type="button" onClick={() => report(call('acknowledgeAlarm', { alarmId: alarm.id! }).then(() => null))}>
          {t('alarmAcknowledge')}
        </button>
      </div>
    </li>
  );
}
