// The options page: accounts, adding one, and the log of sync runs.
import { openDb } from '../db/schema';
import { t } from '../shared/i18n';
import { useLiveQuery } from '../ui/use-live-query';
import { useNow } from '../ui/use-now';
import { accountSummaries } from '../ui/account-summaries';
import { AddAccountForm } from './add-account-form';
import { AccountsList } from './accounts-list';
import { RunLog } from './run-log';

export function OptionsPage() {
  const summaries = useLiveQuery(() => accountSummaries(openDb()));
  const now = useNow();
  return (
    <main class="options">
      <header>
        <h1>{t('optionsTitle')}</h1>
        <p class="lead">{t('extensionDescription')}</p>
      </header>
      <section aria-labelledby="accounts-heading">
        <h2 id="accounts-heading">{t('optionsAccounts')}</h2>
        {summaries && <AccountsList summaries={summaries} now={now} />}
      </section>
      <section aria-labelledby="add-heading">
        <h2 id="add-heading">{t('optionsAddAccount')}</h2>
        <AddAccountForm />
      </section>
      <section aria-labelledby="log-heading">
        <h2 id="log-heading">{t('optionsRunLog')}</h2>
        {summaries && <RunLog accounts={summaries.map((s) => s.account)} />}
      </section>
    </main>
  );
}
