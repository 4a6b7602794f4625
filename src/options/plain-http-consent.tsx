// The warning and the tick box shown under a password field whose server is plain http beyond
// this computer (model/plain-http.ts says which addresses those are, and why).
import { useId } from 'preact/hooks';
import { plainHttpHosts } from '../model/plain-http';
import { t } from '../shared/i18n';
import { Field } from '../ui/controls/field';
import { normalizeServerUrl } from './server-address';

/** The hosts among what was typed that would get the password unencrypted. */
export function plainHttpTargets(typed: string[]): string[] {
  const urls = typed.map((text) => {
    try {
      return text.trim() ? normalizeServerUrl(text).href : null;
    } catch {
      return null;
    }
  });
  return plainHttpHosts(urls);
}

interface Props {
  hosts: string[];
  checked: boolean;
  onChange: (checked: boolean) => void;
}

export function PlainHttpConsent({ hosts, checked, onChange }: Props) {
  const where = hosts.join(', ');
  // Its own id: the add-account form and a new-password form may show the warning at once.
  const warningId = useId();
  return (
    <div class="plain-http-warning" role="group" aria-labelledby={warningId}>
      <p id={warningId} class="message-error">
        {t('plainHttpWarning', where)}
      </p>
      <Field label={t('plainHttpConfirm', where)} checkbox>
        {(control) => <input {...control} name="plainHttpConfirmed" type="checkbox" checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} />}
      </Field>
    </div>
  );
}
