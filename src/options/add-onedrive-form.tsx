// Add OneDrive photos: the kind of Microsoft account (it decides which storage hosts downloads
// come from), the folder (camera roll, Pictures, or one by its path) and a name. The click asks
// for the host permissions of Graph, the sign-in service and that kind's storage hosts first
// thing, while the user gesture still counts; the provider settings are read beforehand. The
// sign-in, the folder's lookup and the first mirror report through the database
// (ui/call-through-db.ts): a person slow to sign in outlasts Firefox's idle event page.
import { useEffect, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { browser } from '../shared/browser';
import { useConnector } from '../ui/connect/use-connector';
import { followFirstMirror } from '../ui/follow-first-mirror';
import { t, type MessageKey } from '../shared/i18n';
import { StatusLine } from '../ui/controls/status-line';
import { Button } from '../ui/controls/button';
import { Field } from '../ui/controls/field';
import { useServerCheck } from '../ui/use-server-check';
import { providerOrigins, providerWith, type OAuthProvider } from '../auth/oauth-providers';
import { oneDrivePhotosSetup } from '../providers/onedrive-photos/setup';
import { readProviderSettings, type AllProviderSettings } from '../auth/provider-settings';
import type { DriveFolder, DriveFolderChoice } from '../model/drive-folder';
import { STORAGE_ORIGINS } from '../model/storage-hosts';
import { FirstCopyStatus } from './first-copy-status';

type Drive = DriveFolder['drive'];
type FolderPick = 'cameraroll' | 'photos' | 'path';

const DRIVES: Array<[Drive, MessageKey]> = [
  ['personal', 'oneDrivePersonal'],
  ['business', 'oneDriveBusiness'],
];
const FOLDERS: Array<[FolderPick, MessageKey]> = [
  ['cameraroll', 'oneDriveCameraRoll'],
  ['photos', 'oneDrivePictures'],
  ['path', 'oneDriveOtherFolder'],
];

function Choice<T extends string>({ legend, name, options, value, onChange }: { legend: MessageKey; name: string; options: Array<[T, MessageKey]>; value: T; onChange: (value: T) => void }) {
  return (
    <fieldset class="choices">
      <legend>{t(legend)}</legend>
      {options.map(([id, label]) => (
        <Field key={id} label={t(label)} checkbox>
          {(control) => <input {...control} type="radio" name={name} value={id} checked={value === id} onChange={() => onChange(id)} />}
        </Field>
      ))}
    </fieldset>
  );
}

/** Microsoft's identity service asking for files only, with the person's Microsoft settings (providers/onedrive-photos/setup.ts). */
function withSettings(all: AllProviderSettings): OAuthProvider | null {
  const oauth = oneDrivePhotosSetup.signIn?.oauth;
  return oauth ? providerWith(oauth, all[oauth.id]) : null;
}

export function AddOneDriveForm() {
  const { callThroughDb } = useConnector();
  const [provider, setProvider] = useState<OAuthProvider | null>(null);
  const [drive, setDrive] = useState<Drive>('personal');
  const [pick, setPick] = useState<FolderPick>('cameraroll');
  const [path, setPath] = useState('');
  const [label, setLabel] = useState('');
  const [addedId, setAddedId] = useState<string | null>(null);
  const { busy, message, setMessage, check } = useServerCheck();
  useEffect(() => void readProviderSettings().then((all) => setProvider(withSettings(all))), []);

  async function add(event: JSX.TargetedEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!provider) return;
    if (!(await browser.permissions.request({ origins: [...providerOrigins(provider), ...STORAGE_ORIGINS[drive]] }))) {
      setMessage({ text: t('addAccountPermissionDenied', 'OneDrive'), error: true });
      return;
    }
    const folder: DriveFolderChoice = pick === 'path' ? { path } : { special: pick };
    const added = await check(async () => {
      const answer = await callThroughDb('addOneDrivePhotos', { label, folder, drive });
      followFirstMirror(answer.accountId);
      setAddedId(answer.accountId);
      return t('oneDriveAdded', answer.folder);
    });
    if (added) setLabel('');
  }

  return (
    <form class="add-onedrive" onSubmit={(event) => void add(event)}>
      <p class="muted">{t('oneDriveHelp')}</p>
      <Choice legend="oneDriveKind" name="onedrive-drive" options={DRIVES} value={drive} onChange={setDrive} />
      <Choice legend="oneDriveFolder" name="onedrive-folder" options={FOLDERS} value={pick} onChange={setPick} />
      {pick === 'path' && (
        <Field label={t('oneDrivePath')}>
          {(control) => <input {...control} name="path" type="text" required placeholder="Photos/2024" value={path} onInput={(e) => setPath(e.currentTarget.value)} />}
        </Field>
      )}
      <Field label={t('photoFolderLabel')}>
        {(control) => <input {...control} name="label" type="text" placeholder={t('photoFolderLabelPlaceholder')} value={label} onInput={(e) => setLabel(e.currentTarget.value)} />}
      </Field>
      <div class="actions">
        <Button type="submit" primary busy={busy} disabled={provider === null}>
          {t('oneDriveSubmit')}
        </Button>
      </div>
      <StatusLine message={message} />
      {addedId && <FirstCopyStatus accountId={addedId} />}
    </form>
  );
}
