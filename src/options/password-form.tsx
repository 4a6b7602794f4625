// A new password for an account the server stopped accepting. Checked against the server
// before it is saved; syncing resumes at once.
import { useState } from 'preact/hooks';
import type { AccountRecord } from '../model/account';
import { t } from '../shared/i18n';
import { StatusMessage, type Message } from '../ui/status-message';
import { call } from '../shared/rpc-client';

export function PasswordForm({ account }: { account: AccountRecord }) {
  const [password, setPassword] = useState('');
  const [message, setMessage] = useState<Message>(null);
  const id = `password-${account.id}`;
  return (
    <form
      class="password-form"
      onSubmit={(event) => {
        event.preventDefault();
        call('updatePassword', { accountId: account.id, password }).then(
          () => setMessage({ text: t('optionsPasswordSaved'), error: false }),
          (error: Error) => setMessage({ text: error.message, error: true }),
        );
      }}
    >
      <label for={id}>{t('optionsNewPassword', account.label)}</label>
      <input id={id} type="password" autoComplete="current-password" required value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
      <button type="submit" class="primary">
        {t('optionsSavePassword')}
      </button>
      <StatusMessage message={message} />
    </form>
  );
}
