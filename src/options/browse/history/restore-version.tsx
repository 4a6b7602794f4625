// "Restore this version": in Lifeboat's own copy only. The text it replaces is kept in the
// history; the server is not changed (sending a copy back to a provider is its own feature).
import { useState } from 'preact/hooks';
import { t } from '../../../shared/i18n';
import { useConnector } from '../../../ui/connect/use-connector';
import { StatusLine, type Message } from '../../../ui/controls/status-line';
import { useAction } from '../../../ui/use-action';

export function RestoreVersion({ versionId }: { versionId: number }) {
  const { call } = useConnector();
  const [message, setMessage] = useState<Message>(null);
  const [busy, restore] = useAction(() => call('restoreVersion', { versionId }));
  const onClick = () =>
    void restore().then(
      () => setMessage({ text: t('restoreDone'), error: false }),
      (error: Error) => setMessage({ text: error.message, error: true }),
    );
  return (
    <div class="restore-version">
      <button type="button" disabled={busy} onClick={onClick} aria-describedby={`restore-help-${versionId}`}>
        {t('restoreThisVersion')}
      </button>
      <span id={`restore-help-${versionId}`} class="muted">
        {' '}
        {t('restoreHelp')}
      </span>
      <StatusLine message={message} />
    </div>
  );
}
