// The setup's last step: what to mirror (the account's collections, all on by default) and the
// first copy as it happens, read from the account's record as the popup's status line reads it.
// Photos come after, as a next step: the first copy is contacts and calendars only.
import { t } from '../../shared/i18n';
import { useAccountSummaries } from '../../ui/use-account-summaries';
import { AccountStatus } from '../../ui/account-status';
import { ItemCounts } from '../../ui/item-counts';
import { useNow } from '../../ui/use-now';
import { CollectionChoice } from '../collection-choice';

export function SetupProgress({ accountId }: { accountId: string }) {
  const summaries = useAccountSummaries();
  const now = useNow();
  const summary = summaries?.find((s) => s.account.id === accountId);
  if (!summary) return null;
  const done = summary.account.status !== 'syncing' && summary.account.lastSuccessAt !== null;
  return (
    <section aria-labelledby="setup-copy" class="setup-copy">
      <h2 id="setup-copy">{done ? t('setupDone') : t('setupCopying')}</h2>
      <AccountStatus account={summary.account} now={now} missing={summary.missing} collectionsMissed={summary.collectionsMissed} />
      <ItemCounts summary={summary} />
      <CollectionChoice accountId={accountId} />
      {done && (
        <>
          <h2>{t('setupNext')}</h2>
          <ul class="setup-next">
            <li>
              <a href="#photos">{t('setupNextPhotos')}</a>
            </li>
            <li>
              <a href="#accounts">{t('setupNextAccounts')}</a>
            </li>
          </ul>
        </>
      )}
    </section>
  );
}
