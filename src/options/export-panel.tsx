// Exports with options: the mirror as it is, with items deleted upstream, or as it was at any
// past moment (the state before a wipe, for instance); everything or one collection; vCard 3.0
// or 4.0.
import { useState } from 'preact/hooks';
import { openDb } from '../db/schema';
import { t } from '../shared/i18n';
import { StatusMessage, type Message } from '../ui/status-message';
import { useLiveQuery } from '../ui/use-live-query';
import { callThroughDb } from '../ui/call-through-db';
import type { ExportParams, ExportResult } from '../model/export';
import { collectionChoices } from './collection-choices';
import { CollectionSelect } from './collection-select';
import { ProblemList } from './problem-list';
import { exportSummarySentence } from '../ui/export-summary-sentence';

export function ExportPanel() {
  const choices = useLiveQuery(() => collectionChoices(openDb()));
  const [asOf, setAsOf] = useState('');
  const [includeDeleted, setIncludeDeleted] = useState(false);
  const [collectionId, setCollectionId] = useState('');
  const [vcardVersion, setVcardVersion] = useState<'3.0' | '4.0'>('3.0');
  const [message, setMessage] = useState<Message>(null);
  const [skipped, setSkipped] = useState<ExportResult['skipped']>([]);
  const chosen = choices?.find((c) => c.id === collectionId);

  const params = (): ExportParams => ({
    ...(asOf ? { asOf: new Date(asOf).getTime() } : { includeDeletedUpstream: includeDeleted }),
    ...(collectionId ? { collectionId } : {}),
    vcardVersion,
  });
  const run = (command: 'exportContacts' | 'exportCalendars') =>
    callThroughDb(command, params()).then(
      (r: ExportResult) => {
        setMessage({ text: exportSummarySentence(r), error: false });
        setSkipped(r.skipped);
      },
      (error: Error) => {
        setMessage({ text: error.message, error: true });
        setSkipped([]);
      },
    );

  return (
    <div class="export-panel">
      <CollectionSelect label={t('exportWhich')} emptyLabel={t('exportAllCollections')} choices={choices} value={collectionId} onChange={setCollectionId} />
      <label>
        {t('exportVcardVersion')}
        <select value={vcardVersion} onChange={(e) => setVcardVersion(e.currentTarget.value === '4.0' ? '4.0' : '3.0')}>
          <option value="3.0">{t('exportVcard30')}</option>
          <option value="4.0">{t('exportVcard40')}</option>
        </select>
      </label>
      <label>
        {t('optionsExportAsOf')}
        <input type="datetime-local" value={asOf} onInput={(e) => setAsOf(e.currentTarget.value)} />
      </label>
      <label class="checkbox">
        <input type="checkbox" checked={includeDeleted} disabled={asOf !== ''} onChange={(e) => setIncludeDeleted(e.currentTarget.checked)} />
        {t('optionsExportIncludeDeleted')}
      </label>
      <div class="actions">
        {chosen?.kind !== 'calendar' && (
          <button type="button" class="primary" onClick={() => void run('exportContacts')}>
            {t('popupExportContacts')}
          </button>
        )}
        {chosen?.kind !== 'addressbook' && (
          <button type="button" class="primary" onClick={() => void run('exportCalendars')}>
            {t('popupExportCalendars')}
          </button>
        )}
      </div>
      <StatusMessage message={message} />
      {skipped.length > 0 && <ProblemList heading="" problems={skipped.map((item) => t('exportSkippedItem', item.title, item.reason))} />}
    </div>
  );
}
