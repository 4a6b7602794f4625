// Options → "Passphrase lock": turn it on (a passphrase typed twice), open it, lock it now,
// change its passphrase, or turn it off (which asks for the passphrase). What it protects and
// what it does not is in docs/SECURITY.md; the page says the short version.
import { useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { useConnector } from '../ui/connect/use-connector';
import { t, type MessageKey } from '../shared/i18n';
import { StatusLine, type Message } from '../ui/controls/status-line';
import { Button } from '../ui/controls/button';
import { Field } from '../ui/controls/field';
import { UnlockForm } from '../ui/unlock-form';
import { useLockStatus } from '../ui/use-lock-status';

interface FieldProps {
  label: MessageKey;
  value: string;
  onInput: (value: string) => void;
  autoComplete: 'new-password' | 'current-password';
}

function PassphraseField({ label, value, onInput, autoComplete }: FieldProps) {
  return (
    <Field label={t(label)}>
      {(control) => <input {...control} type="password" autoComplete={autoComplete} required value={value} onInput={(e: JSX.TargetedEvent<HTMLInputElement>) => onInput(e.currentTarget.value)} />}
    </Field>
  );
}

/** What a form reports when it worked: the section says it, since the form itself gives way to the next state's. */
type Done = (text: string) => void;

/** A form with a message under it (progress, errors) that runs `action` on submit and reports `done` when it worked. */
function useLockForm(done: MessageKey, after: Done) {
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);
  const submit = (action: () => Promise<unknown>) => (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setMessage({ text: t('lockWorking'), error: false });
    action()
      .then(
        () => {
          setMessage(null);
          after(t(done));
        },
        (error: Error) => setMessage({ text: error.message, error: true }),
      )
      .finally(() => setBusy(false));
  };
  return { message, setMessage, busy, submit };
}

function EnableForm({ after }: { after: Done }) {
  const { call } = useConnector();
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const form = useLockForm('lockEnabled', after);
  return (
    <form
      class="lock-form"
      onSubmit={form.submit(async () => {
        if (first !== second) throw new Error(t('lockMismatch'));
        await call('enableLock', { passphrase: first });
      })}
    >
      <PassphraseField label="lockNewPassphrase" value={first} onInput={setFirst} autoComplete="new-password" />
      <PassphraseField label="lockRepeatPassphrase" value={second} onInput={setSecond} autoComplete="new-password" />
      <Button type="submit" primary busy={form.busy}>
        {t('lockEnable')}
      </Button>
      <StatusLine message={form.message} />
    </form>
  );
}

function ChangeForm({ after }: { after: Done }) {
  const { call } = useConnector();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const form = useLockForm('lockChanged', after);
  return (
    <form class="lock-form" onSubmit={form.submit(() => call('changePassphrase', { current, next }))}>
      <PassphraseField label="lockCurrentPassphrase" value={current} onInput={setCurrent} autoComplete="current-password" />
      <PassphraseField label="lockNewPassphrase" value={next} onInput={setNext} autoComplete="new-password" />
      <Button type="submit" busy={form.busy}>
        {t('lockChange')}
      </Button>
      <StatusLine message={form.message} />
    </form>
  );
}

function DisableForm({ after }: { after: Done }) {
  const { call } = useConnector();
  const [passphrase, setPassphrase] = useState('');
  const form = useLockForm('lockDisabled', after);
  return (
    <form class="lock-form" onSubmit={form.submit(() => call('disableLock', { passphrase }))}>
      <PassphraseField label="lockCurrentPassphrase" value={passphrase} onInput={setPassphrase} autoComplete="current-password" />
      <Button type="submit" busy={form.busy}>
        {t('lockDisable')}
      </Button>
      <StatusLine message={form.message} />
    </form>
  );
}

export function PassphraseLock() {
  const { call } = useConnector();
  const { status, refresh } = useLockStatus();
  const [outcome, setOutcome] = useState<Message>(null);
  const after: Done = (text) => {
    setOutcome({ text, error: false });
    refresh();
  };
  if (status === undefined) return null;
  return (
    <div class="passphrase-lock">
      <p>{t('lockIntro')}</p>
      <StatusLine message={outcome} />
      {status === 'off' && <EnableForm after={after} />}
      {status === 'locked' && <UnlockForm onUnlocked={refresh} />}
      {status === 'unlocked' && (
        <>
          <p role="status">{t('lockOnOpen')}</p>
          <Button onAction={() => call('lockSecrets', {}).then(() => after(t('lockLocked')))}>{t('lockNow')}</Button>
          <details>
            <summary>{t('lockChange')}</summary>
            <ChangeForm after={after} />
          </details>
        </>
      )}
      {status !== 'off' && (
        <details>
          <summary>{t('lockDisable')}</summary>
          <DisableForm after={after} />
        </details>
      )}
    </div>
  );
}
