// The first run, one step at a time: where the contacts and calendars are (tiles), the sign-in
// that service needs (only its fields, its own help), then the first copy as it happens. The
// full forms stay under Accounts; these steps reuse them.
import { useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import { Stepper } from '../../ui/stepper';
import { Tile } from '../../ui/tile';
import { AddAccountForm } from '../add-account-form';
import { SignInPanel } from '../sign-in-panel';
import { OAuthClientIds } from '../oauth-client-ids';
import { OptionsNav } from '../options-nav';
import { SETUP_CHOICES, type SetupChoice } from './setup-choices';
import { SetupProgress } from './setup-progress';
import { IcloudRoutes } from './icloud-routes';

const choiceName = (choice: SetupChoice) => (choice.nameKey ? t(choice.nameKey) : choice.name);

export function SetupPage() {
  const [choice, setChoice] = useState<SetupChoice | null>(null);
  const [accountId, setAccountId] = useState<string | null>(null);
  const step = accountId ? 2 : choice ? 1 : 0;
  return (
    <main class="options setup">
      <header>
        <h1>{t('setupTitle')}</h1>
        {/* The other tasks stay one click away, even on the first run. */}
        <OptionsNav current="setup" />
        <Stepper label={t('setupStepsLabel')} steps={[t('setupStepWhere'), t('setupStepSignIn'), t('setupStepCopy')]} current={step} />
      </header>
      {step === 0 && (
        <section aria-labelledby="setup-where">
          <h2 id="setup-where">{t('setupWhere')}</h2>
          <div class="tiles">
            {SETUP_CHOICES.map((c) => (
              <Tile key={c.id} name={choiceName(c)} detail={c.detailKey && t(c.detailKey)} onChoose={() => setChoice(c)} />
            ))}
          </div>
          <p>
            <a href="#accounts">{t('setupSkip')}</a>
          </p>
        </section>
      )}
      {step === 1 && choice && (
        <section aria-labelledby="setup-sign-in">
          <h2 id="setup-sign-in">{choice.id === 'other' ? t('setupOtherServer') : t('setupSignInTo', choiceName(choice))}</h2>
          {choice.id === 'icloud' && choice.kind === 'server-form' ? (
            <IcloudRoutes presetId={choice.presetId} onAdded={setAccountId} />
          ) : choice.kind === 'server-form' ? (
            <AddAccountForm presetId={choice.presetId} onAdded={setAccountId} />
          ) : (
            <>
              <SignInPanel only={choice.provider} onAdded={setAccountId} />
              <OAuthClientIds />
            </>
          )}
          <p>
            <button type="button" class="link" onClick={() => setChoice(null)}>
              {t('setupBack')}
            </button>
          </p>
        </section>
      )}
      {step === 2 && accountId && <SetupProgress accountId={accountId} />}
    </main>
  );
}
