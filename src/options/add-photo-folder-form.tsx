// Add a photo folder: a WebDAV folder's address (Nextcloud/ownCloud, Synology, a NAS, Fastmail
// files), the user name and password. As for DAV accounts, the host permission is requested
// first thing in the click handler, while the user gesture still counts. A folder on plain http
// beyond this computer needs the same explicit tick as an account (plain-http-consent.tsx).
import { useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { browser } from '../shared/browser';
import { useConnector } from '../ui/connect/use-connector';
import { t } from '../shared/i18n';
import { StatusLine, type Message } from '../ui/controls/status-line';
import type { NewPhotoFolder } from '../shared/rpc-contract';
import { hostPermissionFor, normalizeServerUrl } from './server-address';
import { PlainHttpConsent, plainHttpTargets } from './plain-http-consent';
import { formatCount } from '../ui/format-count';

type Fields = Required<Omit<NewPhotoFolder, 'plainHttpConfirmed'>>;

const EMPTY: Fields = { label: '', folderUrl: '', username: '', password: '' };

export function AddPhotoFolderForm() {
  const { call } = useConnector();
  const [fields, setFields] = useState<Fields>(EMPTY);
  const [plainHttpConfirmed, setPlainHttpConfirmed] = useState(false);
  const plainHosts = plainHttpTargets([fields.folderUrl]);
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);
  const update = (name: keyof Fields) => (event: JSX.TargetedEvent<HTMLInputElement>) => {
    setFields({ ...fields, [name]: event.currentTarget.value });
    setMessage(null);
  };

  async function add() {
    let folder: URL;
    try {
      folder = normalizeServerUrl(fields.folderUrl);
    } catch (error) {
      setMessage({ text: (error as Error).message, error: true });
      return;
    }
    if (plainHosts.length > 0 && !plainHttpConfirmed) {
      setMessage({ text: t('plainHttpUnconfirmed'), error: true });
      return;
    }
    if (!(await browser.permissions.request({ origins: [hostPermissionFor(folder)] }))) {
      setMessage({ text: t('addAccountPermissionDenied', folder.host), error: true });
      return;
    }
    setBusy(true);
    setMessage({ text: t('addAccountChecking'), error: false });
    try {
      const found = await call('addPhotoFolder', { ...fields, folderUrl: folder.href, plainHttpConfirmed: plainHosts.length > 0 && plainHttpConfirmed });
      setMessage({ text: t('photoFolderAdded', formatCount(found.photos), formatCount(found.folders)), error: false });
      setFields(EMPTY);
    } catch (error) {
      setMessage({ text: (error as Error).message, error: true });
    } finally {
      setBusy(false);
    }
  }

  const field = (name: keyof Fields, label: string, attrs: JSX.InputHTMLAttributes<HTMLInputElement>) => (
    <label>
      {label}
      <input name={name} value={fields[name]} onInput={update(name)} {...attrs} />
    </label>
  );
  return (
    <form
      class="add-photo-folder"
      onSubmit={(event) => {
        event.preventDefault();
        void add();
      }}
    >
      <p class="muted">{t('photoFolderHelp')}</p>
      {field('folderUrl', t('photoFolderUrl'), { type: 'text', inputMode: 'url', required: true, placeholder: 'https://cloud.example.com/remote.php/dav/files/me/Photos/' })}
      {field('username', t('photoFolderLogin'), { type: 'text', autoComplete: 'username', required: true })}
      {field('password', t('photoFolderSecret'), { type: 'password', autoComplete: 'current-password', required: true })}
      {plainHosts.length > 0 && <PlainHttpConsent hosts={plainHosts} checked={plainHttpConfirmed} onChange={setPlainHttpConfirmed} />}
      {field('label', t('photoFolderLabel'), { type: 'text', placeholder: t('photoFolderLabelPlaceholder') })}
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {t('photoFolderSubmit')}
        </button>
      </div>
      <StatusLine message={message} />
    </form>
  );
}
