// The toolbar popup: at a glance, is my data safe? Then Sync now and one-click exports.
import { useState } from 'preact/hooks';
import { openDb } from '../db/schema';
import { browser } from '../shared/browser';
import { callThroughDb } from '../ui/call-through-db';
import { t } from '../shared/i18n';
import { StatusLine, type Message } from '../ui/controls/status-line';
import { useLiveQuery } from '../ui/use-live-query';
import { useNow } from '../ui/use-now';
import { useAction } from '../ui/use-action';
import { accountSummaries } from '../ui/account-summaries';
import { AccountCard } from './account-card';
import { Warnings } from './warnings';
import { LockLine } from './lock-line';
import { openBrowse } from '../ui/open-browse';
import { openOptionsAt } from '../ui/open-options';
import { useReadyMark } from '../ui/use-ready-mark';
import { exportSummarySentence } from '../ui/export-summary-sentence';

export function Popup() {
  const summaries = useLiveQuery(() => accountSummaries(openDb()));
  const now = useNow();
  const [message, setMessage] = useState<Message>(null);
  const report = (promise: Promise<string | null>) =>
    void promise.then(
      (text) => setMessage(text ? { text, error: false } : null),
      (error: Error) => setMessage({ text: error.message, error: true }),
    );
  const [syncing, syncNow] = useAction(() => callThroughDb('syncNow', {}).then(() => null));
  const [exportingContacts, exportContacts] = useAction(() => callThroughDb('exportContacts', {}).then(exportSummarySentence));
  const [exportingCalendars, exportCalendars] = useAction(() => callThroughDb('exportCalendars', {}).then(exportSummarySentence));
  useReadyMark('lifeboat:popup-ready', summaries !== undefined);

  if (summaries === undefined) return <main class="popup" aria-busy="true" />;
  const hasCalendars = summaries.some((s) => s.events + s.tasks > 0);

  return (
    <main class="popup">
      <header>
        <h1>{t('extensionName')}</h1>
      </header>
      <LockLine />
      <Warnings summaries={summaries} report={report} />
      {summaries.length === 0 ? (
        <section class="empty">
          <p>{t('popupNoAccounts')}</p>
          <button type="button" class="primary" onClick={() => void openOptionsAt('setup')}>
            {t('popupAddAccount')}
          </button>
        </section>
      ) : (
        <>
          <ul class="accounts">
            {summaries.map((summary) => (
              <AccountCard key={summary.account.id} summary={summary} now={now} />
            ))}
          </ul>
          <div class="actions">
            <button type="button" disabled={syncing} onClick={() => report(syncNow())}>
              {syncing ? t('popupSyncing') : t('popupSyncNow')}
            </button>
          </div>
          <div class="actions">
            <button type="button" class="primary" disabled={exportingContacts} onClick={() => report(exportContacts())}>
              {t('popupExportContacts')}
            </button>
            <button type="button" class="primary" disabled={exportingCalendars || !hasCalendars} onClick={() => report(exportCalendars())}>
              {t('popupExportCalendars')}
            </button>
          </div>
        </>
      )}
      <StatusLine message={message} />
      <footer>
        {/* Nothing to browse before the first account: the invitation stays the one thing to do. */}
        {summaries.length > 0 && (
          <button type="button" class="link" onClick={() => void openBrowse()}>
            {t('popupBrowse')}
          </button>
        )}
        <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popupOpenOptions')}
        </button>
      </footer>
    </main>
  );
}
