// The toolbar popup: at a glance, is my data safe? Then Sync now and one-click exports.
// Part of the popup's first script (main.tsx), without the data layer: Dexie loads after the
// first render, for the live counts and the commands (use-account-summaries.ts, call-through-db.ts).
import { useState } from 'preact/hooks';
import { callThroughDb } from '../ui/call-through-db';
import { t } from '../shared/i18n';
import { StatusLine, type Message } from '../ui/controls/status-line';
import { useNow } from '../ui/use-now';
import { useAction } from '../ui/use-action';
import { useAccountSummaries } from '../ui/use-account-summaries';
import type { AccountSummary } from '../ui/summarize-accounts';
import { AccountCard } from './account-card';
import { Warnings } from './warnings';
import { LockLine } from './lock-line';
import { openBrowse } from '../ui/open-browse';
import { openOptionsAt } from '../ui/open-options';
import { useReadyMark } from '../ui/use-ready-mark';
import { exportSummarySentence } from '../ui/export-summary-sentence';
import { ExportItemsLink, leftSomeAside } from '../ui/export-items-link';
import { openExportItems } from '../ui/open-export-items';
import type { ExportResult } from '../model/export';
import { PopupFooter, PopupFrame, PopupHeader } from './popup-frame';

/**
 * `initial`: the counts main.tsx had first (the worker's copy in storage.session, or its direct
 * read of IndexedDB), shown by the first render; `fresh`: that direct read, when `initial` was the copy.
 */
export function Popup({ initial, fresh }: { initial?: AccountSummary[]; fresh?: Promise<AccountSummary[] | null> }) {
  const summaries = useAccountSummaries(initial, fresh);
  const now = useNow();
  const [message, setMessage] = useState<Message>(null);
  // An export that kept items as served or left some out: its sentence leads to the list of them.
  const [aside, setAside] = useState(false);
  const report = (promise: Promise<string | ExportResult | null>) =>
    void promise.then(
      (outcome) => {
        const result = typeof outcome === 'object' ? outcome : null;
        const text = result ? exportSummarySentence(result) : (outcome as string | null);
        setAside(result !== null && leftSomeAside(result));
        setMessage(text ? { text, error: false, tone: result && leftSomeAside(result) ? 'warning' : 'success' } : null);
      },
      (error: Error) => {
        setAside(false);
        setMessage({ text: error.message, error: true });
      },
    );
  const [syncing, syncNow] = useAction(() => callThroughDb('syncNow', {}).then(() => null));
  const [exportingContacts, exportContacts] = useAction(() => callThroughDb('exportContacts', {}));
  const [exportingCalendars, exportCalendars] = useAction(() => callThroughDb('exportCalendars', {}));
  // After the render that shows the counts: an effect runs once it is committed.
  useReadyMark('lifeboat:counts-shown', summaries !== undefined);

  if (summaries === undefined) return <PopupFrame />;
  const hasCalendars = summaries.some((s) => s.events + s.tasks > 0);

  return (
    <main class="popup">
      <PopupHeader />
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
      <StatusLine message={message}>{aside && <ExportItemsLink onShow={() => void openExportItems()} />}</StatusLine>
      <PopupFooter>
        {/* Nothing to browse before the first account: the invitation stays the one thing to do. */}
        {summaries.length > 0 && (
          <button type="button" class="link" onClick={() => void openBrowse()}>
            {t('popupBrowse')}
          </button>
        )}
      </PopupFooter>
    </main>
  );
}
