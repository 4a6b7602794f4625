// A new password for an account the server stopped accepting. Checked against the server
// before it is saved; syncing resumes at once. For a plain-http server beyond this computer the
// same warning and tick as in the add-account form: nothing is sent until it is ticked. The check
// is a discovery, as when adding: it reports through the database (ui/call-through-db.ts).
import { useState } from 'preact/hooks';
import type { AccountRecord } from '../model/account';
import { t } from '../shared/i18n';
import { StatusLine, type Message } from '../ui/controls/status-line';
import { Button } from '../ui/controls/button';
import { Field } from '../ui/controls/field';
import { useConnector } from '../ui/connect/use-connector';
import { PlainHttpConsent, plainHttpTargets } from './plain-http-consent';

export function PasswordForm({ account }: { account: AccountRecord }) {
  const { callThroughDb } = useConnector();
  const [password, setPassword] = useState('');
  const [plainHttpConfirmed, setPlainHttpConfirmed] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);
  const plainHosts = plainHttpTargets([account.serverUrl, account.calendarServerUrl ?? '']);
  return (
    <form
      class="password-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (plainHosts.length > 0 && !plainHttpConfirmed) {
          setMessage({ text: t('plainHttpUnconfirmed'), error: true });
          return;
        }
        setBusy(true);
        callThroughDb('updatePassword', { accountId: account.id, password, plainHttpConfirmed: plainHosts.length > 0 && plainHttpConfirmed })
          .then(
            () => setMessage({ text: t('optionsPasswordSaved'), error: false }),
            (error: Error) => setMessage({ text: error.message, error: true }),
          )
          .finally(() => setBusy(false));
      }}
    >
      <Field label={t('optionsNewPassword', account.label)}>
        {(control) => <input {...control} type="password" autoComplete="current-password" required value={password} onInput={(e) => setPassword(e.currentTarget.value)} />}
      </Field>
      {plainHosts.length > 0 && <PlainHttpConsent hosts={plainHosts} checked={plainHttpConfirmed} onChange={setPlainHttpConfirmed} />}
      <Button type="submit" primary busy={busy}>
        {t('optionsSavePassword')}
      </Button>
      <StatusLine message={message} />
    </form>
  );
}
