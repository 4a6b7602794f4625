// "Locked: unlock to resume backups" with the passphrase field that opens the lock, in the
// popup and in the options page. The passphrase goes to the worker only (secrets/lock-state.ts).
import { useState } from 'preact/hooks';
import { useConnector } from './connect/use-connector';
import { t } from '../shared/i18n';
import { StatusLine, type Message } from './controls/status-line';

export function UnlockForm({ idPrefix, onUnlocked }: { idPrefix: string; onUnlocked?: () => void }) {
  const { call } = useConnector();
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const id = `${idPrefix}-unlock`;
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
      <label for={id}>{t('lockPassphrase')}</label>
      <input id={id} type="password" autoComplete="current-password" required value={passphrase} onInput={(e) => setPassphrase(e.currentTarget.value)} />
      <button type="submit" class="primary" disabled={busy}>
        {t('lockUnlock')}
      </button>
      <StatusLine message={message} />
    </form>
  );
}
