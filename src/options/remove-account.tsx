// Removing an account asks first, and keeps the mirrored data unless the person unticks it.
import { useState } from 'preact/hooks';
import type { AccountRecord } from '../model/account';
import { t } from '../shared/i18n';
import { useConnector } from '../ui/connect/use-connector';

export function RemoveAccount({ account }: { account: AccountRecord }) {
  const { call } = useConnector();
  const [asking, setAsking] = useState(false);
  const [keepData, setKeepData] = useState(true);
  if (!asking) {
    return (
      <button type="button" onClick={() => setAsking(true)}>
        {t('optionsRemoveAccount')}
      </button>
    );
  }
  return (
    <div class="confirm" role="group" aria-label={t('optionsRemoveAccount')}>
      <label class="checkbox">
        <input type="checkbox" checked={keepData} onChange={(e) => setKeepData(e.currentTarget.checked)} />
        {t('optionsRemoveKeepData')}
      </label>
      <button type="button" class="primary" onClick={() => void call('removeAccount', { accountId: account.id, keepData })}>
        {t('optionsRemoveConfirm', account.label)}
      </button>
      <button type="button" onClick={() => setAsking(false)}>
        {t('optionsRemoveCancel')}
      </button>
    </div>
  );
}
