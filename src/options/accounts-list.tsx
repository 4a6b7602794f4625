// The accounts: status, counts, what to mirror, a new password when the server refused the
// old one, and removal (keeping the mirrored data unless the person says otherwise).
import type { AccountSummary } from '../ui/summarize-accounts';
import { hasServer, usesBrowserSession } from '../model/provider-setup';
import { setupOf } from '../providers/setup-registry';
import { AccountStatus } from '../ui/account-status';
import { ItemCounts } from '../ui/item-counts';
import { UnreadableLine } from '../ui/unreadable-line';
import { RUN_LOG_ANCHOR } from '../ui/open-run-log';
import { t } from '../shared/i18n';
import { CollectionChoice } from './collection-choice';
import { PasswordForm } from './password-form';
import { RemoveAccount } from './remove-account';
import { RenameAccount } from './rename-account';
import { SyncNowButton } from './sync-now-button';
import { IcloudAccountActions } from './icloud-account-actions';

export function AccountsList({ summaries, now }: { summaries: AccountSummary[]; now: number }) {
  if (summaries.length === 0) return <p>{t('optionsNoAccounts')}</p>;
  return (
    <ul class="accounts">
      {summaries.map((summary) => {
        const { account } = summary;
        const setup = setupOf(account.kind);
        return (
          <li key={account.id} class="account" data-account-id={account.id}>
            <h3>{account.label}</h3>
            {setup.where === 'user-and-servers' && (
              <p class="muted">
                {account.username} · {account.serverUrl}
                {account.calendarServerUrl ? ` · ${account.calendarServerUrl}` : ''}
              </p>
            )}
            {setup.where === 'feed-host' && <p class="muted">{t('accountFeedFrom', new URL(account.serverUrl).host)}</p>}
            {account.driveFolder && <p class="muted">{t('accountOneDriveFolder', account.driveFolder.name)}</p>}
            <ItemCounts summary={summary} />
            <AccountStatus account={account} now={now} missing={summary.missing} collectionsMissed={summary.collectionsMissed} />
            <UnreadableLine count={summary.unreadable} onShow={() => (location.hash = RUN_LOG_ANCHOR)} />
            {account.status === 'needs-password' && <PasswordForm account={account} />}
            {setup.choosesCollections && <CollectionChoice accountId={account.id} />}
            <div class="actions">
              {hasServer(setup) && (
                <SyncNowButton account={account} />
              )}
              {usesBrowserSession(setup) && <IcloudAccountActions account={account} />}
              <RenameAccount account={account} />
              <RemoveAccount account={account} />
            </div>
          </li>
        );
      })}
    </ul>
  );
}
