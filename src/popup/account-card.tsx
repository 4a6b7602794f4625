import type { AccountSummary } from '../ui/account-summaries';
import { AccountStatus } from '../ui/account-status';
import { t } from '../shared/i18n';

export function AccountCard({ summary, now }: { summary: AccountSummary; now: number }) {
  const { account, contacts } = summary;
  return (
    <li class="account" data-account-id={account.id}>
      <div class="account-head">
        <h2>{account.label}</h2>
        <span class="host">{hostOf(account.serverUrl)}</span>
      </div>
      <p class="counts">
        <span class="count" data-testid="contact-count">
          {t('countContacts', contacts)}
        </span>
      </p>
      <AccountStatus account={account} now={now} />
    </li>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
