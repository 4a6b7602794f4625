// "Locked: unlock to resume backups" with the passphrase field that opens the lock, in the
// popup and in the options page. The passphrase goes to the worker only (secrets/lock-state.ts).
import { useState } from 'preact/hooks';
import { useConnector } from './connect/use-connector';
import { t } from '../shared/i18n';
import { StatusLine, type Message } from './controls/status-line';
import { Button } from './controls/button';
import { Field } from './controls/field';

export function UnlockForm({ onUnlocked }: { onUnlocked?: () => void }) {
  const { call } = useConnector();
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  return (
    <form
      class="unlock-form"
      onSubmit={(event) => {
        event.preventDefault();
        setBusy(true);
        call('unlockSecrets', { passphrase })
          .then(
            () => {
              setPassphrase('');
              setMessage({ text: t('lockUnlocked'), error: false });
              onUnlocked?.();
            },
            (error: Error) => setMessage({ text: error.message, error: true }),
          )
          .finally(() => setBusy(false));
      }}
    >
      <p class="lock-line">{t('lockLocked')}</p>
      <Field label={t('lockPassphrase')}>
        {(control) => <input {...control} type="password" autoComplete="current-password" required value={passphrase} onInput={(e) => setPassphrase(e.currentTarget.value)} />}
      </Field>
      <Button type="submit" primary busy={busy}>
        {t('lockUnlock')}
      </Button>
      <StatusLine message={message} />
    </form>
  );
}
