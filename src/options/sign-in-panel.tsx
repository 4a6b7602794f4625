// "Sign in with Google": no app password. The host permissions for Google's token endpoint and
// DAV servers are asked first thing in the click (browsers grant them only from a user gesture,
// and an await before the request loses it), so the provider settings are read beforehand.
import { useEffect, useState } from 'preact/hooks';
import { browser } from '../shared/browser';
import { call } from '../shared/rpc-client';
import { t } from '../shared/i18n';
import { StatusMessage } from '../ui/status-message';
import { useServerCheck } from '../ui/use-server-check';
import { providerOrigins, type OAuthProvider } from '../auth/oauth-providers';
import { configuredProvider } from '../auth/provider-settings';

export function SignInPanel() {
  const [google, setGoogle] = useState<OAuthProvider | null>(null);
  const { busy, message, setMessage, check } = useServerCheck();
  useEffect(() => void configuredProvider('google').then(setGoogle), []);

  async function signIn(provider: OAuthProvider) {
    if (!(await browser.permissions.request({ origins: providerOrigins(provider) }))) {
      setMessage({ text: t('addAccountPermissionDenied', 'Google'), error: true });
      return;
    }
    await check(async () => t('addAccountAdded', (await call('signInWithGoogle', { label: '' })).collections.map((c) => c.name).join(', ')));
  }

  return (
    <div class="sign-in">
      <p class="muted">{t('signInHelp')}</p>
      <div class="actions">
        <button type="button" class="primary" disabled={busy || google === null} onClick={() => google && void signIn(google)}>
          {t('signInWithGoogle')}
        </button>
      </div>
      <StatusMessage message={message} />
    </div>
  );
}
