import type { AccountSummary } from '../ui/account-summaries';
import { AccountStatus } from '../ui/account-status';
import { t } from '../shared/i18n';
import { call } from '../shared/rpc-client';

export function AccountsList({ summaries, now }: { summaries: AccountSummary[]; now: number }) {
  if (summaries.length === 0) return <p>{t('optionsNoAccounts')}</p>;
  return (
    <ul class="accounts">
      {summaries.map(({ account, contacts, contactsDeletedUpstream }) => (
        <li key={account.id} class="account" data-account-id={account.id}>
          <h3>{account.label}</h3>
          <p class="muted">
            {account.username} · {account.serverUrl}
          </p>
          <p data-testid="contact-count">
            {t('countContacts', contacts)}
            {contactsDeletedUpstream > 0 && ` · ${t('countDeletedUpstream', contactsDeletedUpstream)}`}
          </p>
          <AccountStatus account={account} now={now} />
          <button type="button" onClick={() => void call('syncNow', { accountId: account.id }).catch(() => undefined)}>
            {t('popupSyncNow')}
          </button>
        </li>
      ))}
    </ul>
  );
}
