// One line that says whether an account's copy is safe: up to date, syncing, or failing.
import type { AccountRecord } from '../model/account';
import { t } from '../shared/i18n';
import { hasServer, usesBrowserSession } from '../model/provider-setup';
import { setupOf } from '../providers/setup-registry';
import { relativeTime } from './relative-time';
import { progressSentence, upToDateSentence } from './status-sentences';

interface Props {
  account: AccountRecord;
  now: number;
  /** Items the server listed that the mirror does not hold yet: never "Up to date" then. */
  missing?: number;
  /** Address books or calendars the last run could not copy: never "Up to date" then either. */
  collectionsMissed?: number;
}

export function AccountStatus({ account, now, missing = 0, collectionsMissed = 0 }: Props) {
  if (!hasServer(setupOf(account.kind))) return <p class="status status-ok">{t('statusImported', relativeTime(account.createdAt, now))}</p>;
  if (account.status === 'syncing') {
    const progress = account.progress ?? { done: 0, total: 0 };
    return (
      <div class="status status-syncing" role="status">
        <span>{progressSentence(progress)}</span>
        <progress max={Math.max(progress.total, 1)} value={progress.done} aria-label={t('statusSyncing')} />
      </div>
    );
  }
  if (account.status === 'needs-sign-in') {
    return (
      <p class="status status-error" role="alert">
        {usesBrowserSession(setupOf(account.kind)) ? t('icloudAccountStatusSignedOut') : t('statusNeedsSignIn')}
      </p>
    );
  }
  if (account.status === 'needs-password') {
    return (
      <p class="status status-error" role="alert">
        {t('statusNeedsPassword')}
      </p>
    );
  }
  if (account.status === 'error') {
    return (
      <p class="status status-error" role="alert">
        {t('statusError', account.lastError ?? '')}
      </p>
    );
  }
  return (
    <p class={missing + collectionsMissed > 0 ? 'status status-missing' : 'status status-ok'}>
      {account.lastSuccessAt === null ? t('statusNeverSynced') : upToDateSentence({ lastSuccessAt: account.lastSuccessAt, missing, collectionsMissed, now })}
    </p>
  );
}
