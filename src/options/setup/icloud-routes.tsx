// iCloud's two routes, side by side, the browser's own icloud.com sign-in first: it also copies
// photos and needs no password; the app password copies contacts and calendars exactly as
// Apple's CardDAV/CalDAV servers hold them. One sentence says so; each opens its own form.
import { useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import { Tile } from '../../ui/tile';
import { AddAccountForm } from '../add-account-form';
import { IcloudSessionForm } from '../icloud-session-form';

type Route = 'session' | 'app-password';

export function IcloudRoutes({ presetId, onAdded }: { presetId: string; onAdded: (accountId: string) => void }) {
  const [route, setRoute] = useState<Route | null>(null);
  return (
    <>
      <p>{t('icloudAccountDifference')}</p>
      <div class="tiles icloud-routes">
        <Tile name={t('icloudAccountChooseSession')} onChoose={() => setRoute('session')} />
        <Tile name={t('icloudAccountChooseAppPassword')} onChoose={() => setRoute('app-password')} />
      </div>
      {route === 'session' && <IcloudSessionForm onAdded={onAdded} />}
      {route === 'app-password' && (
        <>
          <p>
            {t('setupIcloudSteps')} <a href="https://account.apple.com" target="_blank" rel="noreferrer">account.apple.com</a>
          </p>
          <AddAccountForm presetId={presetId} onAdded={onAdded} />
        </>
      )}
    </>
  );
}
