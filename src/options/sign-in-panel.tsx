// "Sign in with Google" and "Sign in with Microsoft": no app password. The host permissions for
// the service's token endpoint and data servers are asked first thing in the click (browsers grant them only from a user gesture,
// and an await before the request loses it), so the provider settings are read beforehand. The
// sign-in, the discovery and the first mirror report through the database (ui/call-through-db.ts):
// a person slow to sign in, or a large account, outlasts Firefox's idle event page.
import { useEffect, useState } from 'preact/hooks';
import { browser } from '../shared/browser';
import { useConnector } from '../ui/connect/use-connector';
import { followFirstMirror } from '../ui/follow-first-mirror';
import { t } from '../shared/i18n';
import { StatusLine } from '../ui/controls/status-line';
import { Button } from '../ui/controls/button';
import { useServerCheck } from '../ui/use-server-check';
import { providerOrigins, providerWith, type OAuthProvider } from '../auth/oauth-providers';
import { readProviderSettings } from '../auth/provider-settings';
import type { AccountKind } from '../model/account';
import { signInSetups } from '../providers/setup-registry';

/** Every provider with a sign-in button of its own (providers/<kind>/setup.ts). */
const BUTTONS = signInSetups().flatMap(({ kind, signIn }) => (signIn.buttonKey ? [{ id: kind, label: signIn.buttonKey, name: signIn.name, oauth: signIn.oauth }] : []));

interface Props {
  /** The setup's chosen service: only its button. */
  only?: AccountKind;
  /** Called once the account is saved, so the setup can follow its first copy. */
  onAdded?: (accountId: string) => void;
}

export function SignInPanel({ only, onAdded }: Props = {}) {
  const { callThroughDb } = useConnector();
  const [providers, setProviders] = useState<Partial<Record<AccountKind, OAuthProvider>> | null>(null);
  const { busy, message, setMessage, check } = useServerCheck();
  useEffect(() => void readProviderSettings().then((all) => setProviders(Object.fromEntries(BUTTONS.map(({ id, oauth }) => [id, providerWith(oauth, all[oauth.id])])))), []);

  async function signIn(kind: AccountKind, provider: OAuthProvider, name: string) {
    if (!(await browser.permissions.request({ origins: providerOrigins(provider) }))) {
      setMessage({ text: t('addAccountPermissionDenied', name), error: true });
      return;
    }
    await check(async () => {
      const answer = await callThroughDb('signIn', { provider: kind });
      followFirstMirror(answer.accountId);
      onAdded?.(answer.accountId);
      return t('addAccountAdded', answer.collections.map((c) => c.name).join(', '));
    });
  }

  return (
    <div class="sign-in">
      <p class="muted">{t('signInHelp')}</p>
      <div class="actions">
        {BUTTONS.filter(({ id }) => !only || id === only).map(({ id, label, name }) => (
          <Button key={id} primary disabled={busy || providers === null} onAction={async () => providers?.[id] && (await signIn(id, providers[id], name))}>
            {t(label)}
          </Button>
        ))}
      </div>
      <StatusLine message={message} />
    </div>
  );
}
