// Add an account: pick a provider (which fills in the server addresses and explains the
// app-password step), enter the user name and password, test or add. The host permission is
// requested first thing in the click handler: browsers grant it only from a user gesture,
// and an await before it loses that. A password bound for plain http beyond this computer needs
// an explicit tick first (plain-http-consent.tsx); the worker checks the same.
import { useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { browser } from '../shared/browser';
import { followFirstMirror } from '../ui/follow-first-mirror';
import { useConnector } from '../ui/connect/use-connector';
import { t } from '../shared/i18n';
import { StatusLine } from '../ui/controls/status-line';
import { Button } from '../ui/controls/button';
import { Field } from '../ui/controls/field';
import { useServerCheck } from '../ui/use-server-check';
import type { FoundCollection, NewDavAccount } from '../shared/rpc-contract';
import { hostPermissionFor, normalizeServerUrl } from './server-address';
import { PROVIDERS, providerById, providerName } from './providers';
import { PlainHttpConsent, plainHttpTargets } from './plain-http-consent';

type Fields = Required<Omit<NewDavAccount, 'plainHttpConfirmed'>> & { providerId: string; plainHttpConfirmed: boolean };

const EMPTY: Fields = { providerId: 'other', label: '', serverUrl: '', calendarServerUrl: '', username: '', password: '', plainHttpConfirmed: false };

function emptyFor(presetId: string | undefined): Fields {
  if (!presetId) return EMPTY;
  const preset = providerById(presetId);
  return { ...EMPTY, providerId: preset.id, serverUrl: preset.serverUrl, calendarServerUrl: preset.calendarServerUrl ?? '' };
}

interface Props {
  /** The setup's chosen provider: no drop-down, and the server fields hidden where the preset knows them. */
  presetId?: string;
  /** Called once the account is saved, so the setup can follow its first copy. */
  onAdded?: (accountId: string) => void;
}

export function AddAccountForm({ presetId, onAdded }: Props = {}) {
  const { callThroughDb } = useConnector();
  const [fields, setFields] = useState<Fields>(() => emptyFor(presetId));
  const { busy, message, setMessage, check } = useServerCheck();
  const provider = providerById(fields.providerId);
  const plainHosts = plainHttpTargets([fields.serverUrl, fields.calendarServerUrl]);

  // Editing a field clears the last message: it spoke of what was typed before.
  const update = (name: keyof Fields) => (event: JSX.TargetedEvent<HTMLInputElement | HTMLSelectElement>) => {
    setFields({ ...fields, [name]: event.currentTarget.value });
    setMessage(null);
  };
  const chooseProvider = (event: JSX.TargetedEvent<HTMLSelectElement>) => {
    const next = providerById(event.currentTarget.value);
    setFields({ ...fields, providerId: next.id, serverUrl: next.serverUrl, calendarServerUrl: next.calendarServerUrl ?? '' });
    setMessage(null);
  };

  async function run(command: 'testConnection' | 'addAccount') {
    let server: URL;
    let calendarServer: URL | null;
    try {
      server = normalizeServerUrl(fields.serverUrl);
      calendarServer = fields.calendarServerUrl.trim() ? normalizeServerUrl(fields.calendarServerUrl) : null;
    } catch (error) {
      setMessage({ text: (error as Error).message, error: true });
      return;
    }
    if (plainHosts.length > 0 && !fields.plainHttpConfirmed) {
      setMessage({ text: t('plainHttpUnconfirmed'), error: true });
      return;
    }
    const origins = [server, calendarServer].filter((u): u is URL => u !== null).map(hostPermissionFor);
    const granted = await browser.permissions.request({ origins: [...origins, ...(provider.extraHosts ?? [])] });
    if (!granted) {
      setMessage({ text: t('addAccountPermissionDenied', server.host), error: true });
      return;
    }
    const { providerId: _provider, ...account } = fields;
    const params = { ...account, serverUrl: server.href, calendarServerUrl: calendarServer?.href ?? '', plainHttpConfirmed: plainHosts.length > 0 && fields.plainHttpConfirmed };
    // Discovery on a slow server can outlast Firefox's idle event page: the command reports
    // through the database, and the page keeps the worker awake through the first mirror.
    const added = await check(async () => {
      const answer = await callThroughDb(command, params);
      if ('accountId' in answer) {
        followFirstMirror(answer.accountId);
        onAdded?.(answer.accountId);
      }
      const names = describe(answer.collections);
      return command === 'addAccount' ? t('addAccountAdded', names) : t('addAccountTested', names);
    });
    if (added && command === 'addAccount') setFields(emptyFor(presetId));
  }

  return (
    <form
      class="add-account"
      onSubmit={(event) => {
        event.preventDefault();
        void run('addAccount');
      }}
    >
      {!presetId && (
        <>
          <p class="muted">{t('addAccountHelp')}</p>
          <Field label={t('fieldProvider')}>
            {(control) => (
              <select {...control} name="provider" value={fields.providerId} onChange={chooseProvider}>
                {PROVIDERS.map((p) => (
                  <option key={p.id} value={p.id}>
                    {providerName(p)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </>
      )}
      <p class="provider-help" id="provider-help">
        {t(provider.help)}
      </p>
      {(!presetId || provider.serverUrl === '') && (
        <>
          <Field label={t('fieldServerUrl')}>
            {(control) => (
              <input {...control} name="serverUrl" type="text" inputMode="url" autoComplete="url" required placeholder={provider.serverPlaceholder ?? 'https://dav.example.com'} value={fields.serverUrl} onInput={update('serverUrl')} />
            )}
          </Field>
          {/* A self-hosted server usually answers both on one address: the second field only in the full form. */}
          {!presetId && (
            <Field label={t('fieldCalendarServerUrl')}>
              {(control) => <input {...control} name="calendarServerUrl" type="text" inputMode="url" value={fields.calendarServerUrl} onInput={update('calendarServerUrl')} />}
            </Field>
          )}
        </>
      )}
      <Field label={t('fieldUsername')}>
        {(control) => <input {...control} name="username" type="text" autoComplete="username" required value={fields.username} onInput={update('username')} />}
      </Field>
      {/* The provider's help above says which password (an app password, mostly): read with the field. */}
      <Field label={t('fieldPassword')}>
        {(control) => (
          <input {...control} name="password" type="password" autoComplete="current-password" required aria-describedby="provider-help" value={fields.password} onInput={update('password')} />
        )}
      </Field>
      {plainHosts.length > 0 && (
        <PlainHttpConsent
          hosts={plainHosts}
          checked={fields.plainHttpConfirmed}
          onChange={(checked) => {
            setFields({ ...fields, plainHttpConfirmed: checked });
            setMessage(null);
          }}
        />
      )}
      <Field label={t('fieldLabel')}>
        {(control) => <input {...control} name="label" type="text" placeholder={t('fieldLabelPlaceholder')} value={fields.label} onInput={update('label')} />}
      </Field>
      <div class="actions">
        <Button disabled={busy} onAction={() => run('testConnection')}>
          {t('addAccountTest')}
        </Button>
        <Button type="submit" primary busy={busy}>
          {t('addAccountSubmit')}
        </Button>
      </div>
      <StatusLine message={message} />
    </form>
  );
}

function describe(collections: FoundCollection[]): string {
  return collections.map((c) => c.name).join(', ');
}
