// Advanced: the OAuth client IDs Lifeboat signs in with. A build may carry them
// (VITE_LIFEBOAT_GOOGLE_CLIENT_ID, VITE_LIFEBOAT_MICROSOFT_CLIENT_ID); a person or an
// organisation can register their own (docs/ACCOUNTS.md) and enter it here. Client IDs are
// public by design; no secret is asked for or kept.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import type { ProviderId } from '../auth/oauth-providers';
import { readProviderSettings, writeProviderSettings } from '../auth/provider-settings';
import { StatusLine, type Message } from '../ui/controls/status-line';
import { Button } from '../ui/controls/button';
import { Field } from '../ui/controls/field';
import { signInSetups } from '../providers/setup-registry';

/** One field per identity service a provider declares a client ID field for (providers/<kind>/setup.ts). */
const PROVIDERS = signInSetups().flatMap(({ signIn }) => (signIn.clientIdKey ? [{ id: signIn.oauth.id, label: signIn.clientIdKey }] : []));

export function OAuthClientIds() {
  const [ids, setIds] = useState<Partial<Record<ProviderId, string>>>({});
  const [message, setMessage] = useState<Message>(null);
  useEffect(() => void readProviderSettings().then((all) => setIds(Object.fromEntries(PROVIDERS.map(({ id }) => [id, all[id]?.clientId ?? ''])))), []);

  async function save() {
    for (const { id } of PROVIDERS) await writeProviderSettings(id, { clientId: (ids[id] ?? '').trim() });
    setMessage({ text: t('clientIdsSaved'), error: false });
  }

  return (
    <details class="advanced">
      <summary>{t('clientIdsHeading')}</summary>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <p class="muted">{t('clientIdsHelp')}</p>
        {PROVIDERS.map(({ id, label }) => (
          <Field key={id} label={t(label)}>
            {(control) => <input {...control} name={`clientId-${id}`} type="text" spellcheck={false} value={ids[id] ?? ''} onInput={(e) => setIds({ ...ids, [id]: e.currentTarget.value })} />}
          </Field>
        ))}
        <Button type="submit">{t('clientIdsSave')}</Button>
        <StatusLine message={message} />
      </form>
    </details>
  );
}
