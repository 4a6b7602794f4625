// Exports with options: the mirror as it is, with items deleted upstream, or as it was at any
// past moment (the state before a wipe, for instance).
import { useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { StatusMessage, type Message } from '../ui/status-message';
import { call } from '../shared/rpc-client';
import type { ExportParams, ExportResult } from '../shared/rpc-contract';

export function ExportPanel() {
  const [asOf, setAsOf] = useState('');
  const [includeDeleted, setIncludeDeleted] = useState(false);
  const [message, setMessage] = useState<Message>(null);

  const params = (): ExportParams => (asOf ? { asOf: new Date(asOf).getTime() } : { includeDeletedUpstream: includeDeleted });
  const run = (command: 'exportContacts' | 'exportCalendars') =>
    call(command, params()).then(
      (r: ExportResult) => setMessage({ text: t('exportSavedItems', r.fileName, r.count), error: false }),
      (error: Error) => setMessage({ text: error.message, error: true }),
    );

  return (
    <div class="export-panel">
      <label>
        {t('optionsExportAsOf')}
        <input type="datetime-local" value={asOf} onInput={(e) => setAsOf(e.currentTarget.value)} />
      </label>
      <label class="checkbox">
        <input type="checkbox" checked={includeDeleted} disabled={asOf !== ''} onChange={(e) => setIncludeDeleted(e.currentTarget.checked)} />
        {t('optionsExportIncludeDeleted')}
      </label>
      <div class="actions">
        <button type="button" class="primary" onClick={() => void run('exportContacts')}>
          {t('popupExportContacts')}
        </button>
        <button type="button" class="primary" onClick={() => void run('exportCalendars')}>
          {t('popupExportCalendars')}
        </button>
      </div>
      <StatusMessage message={message} />
    </div>
  );
}
