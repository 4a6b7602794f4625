// Removing an account asks first, and keeps the mirrored data unless the person unticks it.
// Deleting a large mirror takes a while: the command reports through the database
// (ui/call-through-db.ts).
import { useState } from 'preact/hooks';
import type { AccountRecord } from '../model/account';
import { t } from '../shared/i18n';
import { useConnector } from '../ui/connect/use-connector';
import { Button } from '../ui/controls/button';
import { Field } from '../ui/controls/field';

export function RemoveAccount({ account }: { account: AccountRecord }) {
  const { callThroughDb } = useConnector();
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
      <Field label={t('optionsRemoveKeepData')} checkbox>
        {(control) => <input {...control} type="checkbox" checked={keepData} onChange={(e) => setKeepData(e.currentTarget.checked)} />}
      </Field>
      <Button primary onAction={() => callThroughDb('removeAccount', { accountId: account.id, keepData })}>
        {t('optionsRemoveConfirm', account.label)}
      </Button>
      <button type="button" onClick={() => setAsking(false)}>
        {t('optionsRemoveCancel')}
      </button>
    </div>
  );
}
