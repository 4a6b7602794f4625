// Add iCloud through the browser's own icloud.com sign-in: no password, nothing typed but two
// ticks. The click asks for the host permission of iCloud's hosts first thing, while the user
// gesture still counts (the advanced setup address, read beforehand, too); then the worker
// validates the session as a long command (background/add-icloud.ts). Not signed in, the form
// says so with one button that opens icloud.com, and checks again by itself when the person comes
// back to this tab and every few seconds meanwhile, with no further click.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { browser } from '../shared/browser';
import { useConnector } from '../ui/connect/use-connector';
import { t } from '../shared/i18n';
import { StatusLine } from '../ui/controls/status-line';
import { Button } from '../ui/controls/button';
import { Field } from '../ui/controls/field';
import { useServerCheck } from '../ui/use-server-check';
import { icloudHostPatterns, type IcloudRegion } from '../providers/icloud-web/setup';
import { readIcloudSettings } from '../shared/icloud-settings';
import type { NewIcloudSession } from '../shared/rpc-contract';

/** How often a signed-out form checks again while the person signs in elsewhere. */
const RECHECK_MS = 5_000;
export const ICLOUD_SITE = 'https://www.icloud.com/';

const originPattern = (url: string): string => `${new URL(url).origin}/*`;

export function IcloudSessionForm({ onAdded }: { onAdded?: (accountId: string) => void }) {
  const { callThroughDb } = useConnector();
  const [setupUrl, setSetupUrl] = useState<string | null | undefined>(undefined);
  const [china, setChina] = useState(false);
  const [photos, setPhotos] = useState(true);
  const [edited, setEdited] = useState(true);
  const [signedOut, setSignedOut] = useState(false);
  const { busy, message, setMessage, check } = useServerCheck();
  const checking = useRef(false);
  useEffect(() => void readIcloudSettings().then((s) => setSetupUrl(s.setupUrl ?? null)), []);

  const request: NewIcloudSession = { region: china ? 'china' : 'world', photos, editedVersions: edited };

  async function tryAdd(): Promise<void> {
    if (checking.current) return;
    checking.current = true;
    try {
      await check(async () => {
        const added = await callThroughDb('addIcloudSession', request);
        if (!added.signedIn) {
          setSignedOut(true);
          return t('icloudAccountNotSignedIn');
        }
        setSignedOut(false);
        onAdded?.(added.accountIds[0]!);
        return t('icloudAccountAdded', added.label);
      });
    } finally {
      checking.current = false;
    }
  }

  // Signed out: check again when the person comes back, and on a short poll meanwhile.
  useEffect(() => {
    if (!signedOut) return undefined;
    const again = () => {
      if (document.visibilityState === 'visible') void tryAdd();
    };
    const timer = setInterval(again, RECHECK_MS);
    window.addEventListener('focus', again);
    document.addEventListener('visibilitychange', again);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', again);
      document.removeEventListener('visibilitychange', again);
    };
  });

  async function add(event: JSX.TargetedEvent<HTMLFormElement>) {
    event.preventDefault();
    const region: IcloudRegion = china ? 'china' : 'world';
    const origins = [...icloudHostPatterns(region), ...(setupUrl ? [originPattern(setupUrl)] : [])];
    if (!(await browser.permissions.request({ origins }))) {
      setMessage({ text: t('icloudAccountPermissionRefused'), error: true });
      return;
    }
    await tryAdd();
  }

  return (
    <form class="add-icloud-session" onSubmit={(event) => void add(event)}>
      <Field label={t('icloudAccountPhotos')} checkbox>
        {(control) => <input {...control} type="checkbox" name="photos" checked={photos} onChange={(e) => setPhotos(e.currentTarget.checked)} />}
      </Field>
      {photos && (
        <Field label={t('icloudAccountEdited')} checkbox>
          {(control) => <input {...control} type="checkbox" name="edited" checked={edited} onChange={(e) => setEdited(e.currentTarget.checked)} />}
        </Field>
      )}
      <Field label={t('icloudAccountChina')} checkbox>
        {(control) => <input {...control} type="checkbox" name="china" checked={china} onChange={(e) => setChina(e.currentTarget.checked)} />}
      </Field>
      <div class="actions">
        <Button type="submit" primary busy={busy && !signedOut} disabled={setupUrl === undefined}>
          {t('icloudAccountAdd')}
        </Button>
      </div>
      {signedOut ? (
        <div class="icloud-signed-out" role="alert">
          <p>
            <strong>{t('icloudAccountNotSignedIn')}</strong>
          </p>
          <p>{t('icloudAccountNotSignedInHelp')}</p>
          <Button onAction={() => browser.tabs.create({ url: ICLOUD_SITE })}>{t('icloudAccountOpenIcloud')}</Button>
        </div>
      ) : (
        <StatusLine message={message} />
      )}
    </form>
  );
}
