// Add a CardDAV account. The host permission is requested first thing in the click
// handler: browsers grant it only from a user gesture, and an await before it loses that.
import { useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { browser } from '../shared/browser';
import { call } from '../shared/rpc-client';
import { t } from '../shared/i18n';
import type { NewCardDavAccount } from '../shared/rpc-contract';
import { hostPermissionFor, normalizeServerUrl } from './server-address';

type Message = { text: string; error: boolean } | null;

const EMPTY: NewCardDavAccount = { label: '', serverUrl: '', username: '', password: '' };

export function AddAccountForm() {
  const [fields, setFields] = useState<NewCardDavAccount>(EMPTY);
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);

  // Editing a field clears the last message: it spoke of what was typed before.
  const update = (name: keyof NewCardDavAccount) => (event: JSX.TargetedEvent<HTMLInputElement>) => {
    setFields({ ...fields, [name]: event.currentTarget.value });
    setMessage(null);
  };

  async function run(command: 'testConnection' | 'addAccount') {
    let url: URL;
    try {
      url = normalizeServerUrl(fields.serverUrl);
    } catch (error) {
      setMessage({ text: (error as Error).message, error: true });
      return;
    }
    const granted = await browser.permissions.request({ origins: [hostPermissionFor(url)] });
    if (!granted) {
      setMessage({ text: t('addAccountPermissionDenied', url.host), error: true });
      return;
    }
    setBusy(true);
    setMessage({ text: t('addAccountChecking'), error: false });
    try {
      const params = { ...fields, serverUrl: url.href };
      const { addressBooks } = await call(command, params);
      const books = addressBooks.join(', ');
      setMessage({ text: command === 'addAccount' ? t('addAccountAdded', books) : t('addAccountTested', books), error: false });
      if (command === 'addAccount') setFields(EMPTY);
    } catch (error) {
      setMessage({ text: (error as Error).message, error: true });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      class="add-account"
      onSubmit={(event) => {
        event.preventDefault();
        void run('addAccount');
      }}
    >
      <p class="muted">{t('addAccountHelp')}</p>
      <label>
        {t('fieldServerUrl')}
        <input name="serverUrl" type="text" inputMode="url" autoComplete="url" required placeholder="https://dav.example.com" value={fields.serverUrl} onInput={update('serverUrl')} />
      </label>
      <label>
        {t('fieldUsername')}
        <input name="username" type="text" autoComplete="username" required value={fields.username} onInput={update('username')} />
      </label>
      <label>
        {t('fieldPassword')}
        <input name="password" type="password" autoComplete="current-password" required value={fields.password} onInput={update('password')} />
      </label>
      <label>
        {t('fieldLabel')}
        <input name="label" type="text" placeholder={t('fieldLabelPlaceholder')} value={fields.label} onInput={update('label')} />
      </label>
      <div class="actions">
        <button type="button" disabled={busy} onClick={() => void run('testConnection')}>
          {t('addAccountTest')}
        </button>
        <button type="submit" class="primary" disabled={busy}>
          {t('addAccountSubmit')}
        </button>
      </div>
      <p class={message?.error ? 'message message-error' : 'message'} role={message?.error ? 'alert' : 'status'}>
        {message?.text ?? ''}
      </p>
    </form>
  );
}
