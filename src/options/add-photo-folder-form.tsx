// Add a photo folder: a WebDAV folder's address (Nextcloud/ownCloud, Synology, a NAS, Fastmail
// files), the user name and password. As for DAV accounts, the host permission is requested
// first thing in the click handler, while the user gesture still counts. A folder on plain http
// beyond this computer needs the same explicit tick as an account (plain-http-consent.tsx). The
// folder's walk and first mirror report through the database (ui/call-through-db.ts): a slow
// server outlasts Firefox's idle event page.
import { useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { browser } from '../shared/browser';
import { useConnector } from '../ui/connect/use-connector';
import { followFirstMirror } from '../ui/follow-first-mirror';
import { t } from '../shared/i18n';
import { StatusLine } from '../ui/controls/status-line';
import { Button } from '../ui/controls/button';
import { Field } from '../ui/controls/field';
import { useServerCheck } from '../ui/use-server-check';
import type { NewPhotoFolder } from '../shared/rpc-contract';
import { hostPermissionFor, normalizeServerUrl } from './server-address';
import { PlainHttpConsent, plainHttpTargets } from './plain-http-consent';
import { formatCount } from '../ui/format-count';
import { FirstCopyStatus } from './first-copy-status';

type Fields = Required<Omit<NewPhotoFolder, 'plainHttpConfirmed'>>;

const EMPTY: Fields = { label: '', folderUrl: '', username: '', password: '' };

export function AddPhotoFolderForm() {
  const { callThroughDb } = useConnector();
  const [fields, setFields] = useState<Fields>(EMPTY);
  const [plainHttpConfirmed, setPlainHttpConfirmed] = useState(false);
  const [addedId, setAddedId] = useState<string | null>(null);
  const plainHosts = plainHttpTargets([fields.folderUrl]);
  const { busy, message, setMessage, check } = useServerCheck();
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
    const added = await check(async () => {
      const found = await callThroughDb('addPhotoFolder', { ...fields, folderUrl: folder.href, plainHttpConfirmed: plainHosts.length > 0 && plainHttpConfirmed });
      followFirstMirror(found.accountId);
      setAddedId(found.accountId);
      return t('photoFolderAdded', formatCount(found.photos), formatCount(found.folders));
    });
    if (added) setFields(EMPTY);
  }

  const field = (name: keyof Fields, label: string, attrs: JSX.InputHTMLAttributes<HTMLInputElement>) => (
    <Field label={label}>{(control) => <input {...control} name={name} value={fields[name]} onInput={update(name)} {...attrs} />}</Field>
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
        <Button type="submit" primary busy={busy}>
          {t('photoFolderSubmit')}
        </Button>
      </div>
      <StatusLine message={message} />
      {addedId && <FirstCopyStatus accountId={addedId} />}
    </form>
  );
}
