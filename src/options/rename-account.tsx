// Renaming an account: the name is the person's; the server, user name and collections stay.
import { useState } from 'preact/hooks';
import type { AccountRecord } from '../model/account';
import { t } from '../shared/i18n';
import { useConnector } from '../ui/connect/use-connector';
import { StatusLine, type Message } from '../ui/controls/status-line';
import { Field } from '../ui/controls/field';
import { Button } from '../ui/controls/button';

export function RenameAccount({ account }: { account: AccountRecord }) {
  const { call } = useConnector();
  const [editing, setEditing] = useState(false);
  const [label, setLabel] = useState(account.label);
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);
  if (!editing) {
    return (
      <button type="button" onClick={() => setEditing(true)}>
        {t('optionsRename')}
      </button>
    );
  }
  return (
    <form
      class="rename-account"
      onSubmit={(event) => {
        event.preventDefault();
        setBusy(true);
        call('renameAccount', { accountId: account.id, label })
          .then(
            () => setEditing(false),
            (error: Error) => setMessage({ text: error.message, error: true }),
          )
          .finally(() => setBusy(false));
      }}
    >
      <Field label={t('optionsRenameLabel')}>{(control) => <input {...control} type="text" required value={label} onInput={(e) => setLabel(e.currentTarget.value)} />}</Field>
      <Button type="submit" primary busy={busy}>
        {t('optionsRenameSave')}
      </Button>
      <button type="button" onClick={() => setEditing(false)}>
        {t('optionsRemoveCancel')}
      </button>
      <StatusLine message={message} />
    </form>
  );
}
