// The toolbar popup: at a glance, is my data safe? Then Sync now and one-click exports.
import { useState } from 'preact/hooks';
import { openDb } from '../db/schema';
import { browser } from '../shared/browser';
import { call } from '../shared/rpc-client';
import { t } from '../shared/i18n';
import { useLiveQuery } from '../ui/use-live-query';
import { useNow } from '../ui/use-now';
import { accountSummaries } from '../ui/account-summaries';
import { AccountCard } from './account-card';
import { useAction } from '../ui/use-action';

export function Popup() {
  const summaries = useLiveQuery(() => accountSummaries(openDb()));
  const now = useNow();
  const [syncing, syncNow] = useAction(() => call('syncNow', {}).then(() => null));
  const [exporting, exportContacts] = useAction(async () => {
    const result = await call('exportContacts', {});
    return result.skipped.length > 0
      ? t('exportSavedWithSkipped', result.fileName, result.count, result.skipped.length)
      : t('exportSaved', result.fileName, result.count);
  });
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const report = (promise: Promise<string | null>) =>
    promise.then(
      (text) => setMessage(text ? { text, error: false } : null),
      (error: Error) => setMessage({ text: error.message, error: true }),
    );

  if (summaries === undefined) return <main class="popup" aria-busy="true" />;

  return (
    <main class="popup">
      <header>
        <h1>{t('extensionName')}</h1>
      </header>
      {summaries.length === 0 ? (
        <section class="empty">
          <p>{t('popupNoAccounts')}</p>
          <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
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
            <button type="button" disabled={syncing} onClick={() => void report(syncNow())}>
              {syncing ? t('popupSyncing') : t('popupSyncNow')}
            </button>
            <button type="button" class="primary" disabled={exporting} onClick={() => void report(exportContacts())}>
              {t('popupExportContacts')}
            </button>
          </div>
        </>
      )}
      <p class={message?.error ? 'message message-error' : 'message'} role={message?.error ? 'alert' : 'status'}>
        {message?.text ?? ''}
      </p>
      <footer>
        <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popupOpenOptions')}
        </button>
      </footer>
    </main>
  );
}
