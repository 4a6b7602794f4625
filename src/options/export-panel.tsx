// Exports with options: the mirror as it is, with items deleted upstream, or as it was at any
// past moment (the state before a wipe, for instance); everything or one collection; vCard 3.0
// or 4.0. While a file is built both buttons wait, with a progress bar; when the export kept
// items exactly as served or left some out, "See which" lists them.
import { useState } from 'preact/hooks';
import { openDb } from '../db/schema';
import { t } from '../shared/i18n';
import { StatusLine, type Message } from '../ui/controls/status-line';
import { Button } from '../ui/controls/button';
import { Field } from '../ui/controls/field';
import { Progress } from '../ui/controls/progress';
import { useConnector } from '../ui/connect/use-connector';
import { useLiveQuery } from '../ui/use-live-query';
import { EXPORT_ITEMS_ANCHOR } from '../ui/open-export-items';
import type { ExportParams } from '../model/export';
import { collectionChoices } from './collection-choices';
import { CollectionSelect } from './collection-select';
import { ExportItemsList } from './export-items-list';
import { exportSummarySentence } from '../ui/export-summary-sentence';
import { ExportItemsLink, leftSomeAside } from '../ui/export-items-link';

export function ExportPanel() {
  const { callThroughDb } = useConnector();
  const choices = useLiveQuery(() => collectionChoices(openDb()));
  const [asOf, setAsOf] = useState('');
  const [includeDeleted, setIncludeDeleted] = useState(false);
  const [collectionId, setCollectionId] = useState('');
  const [vcardVersion, setVcardVersion] = useState<'3.0' | '4.0'>('3.0');
  const [message, setMessage] = useState<Message>(null);
  const [running, setRunning] = useState(false);
  const [hasAside, setHasAside] = useState(false);
  const [showItems, setShowItems] = useState(() => location.hash === `#${EXPORT_ITEMS_ANCHOR}`);
  const chosen = choices?.find((c) => c.id === collectionId);

  const params = (): ExportParams => ({
    ...(asOf ? { asOf: new Date(asOf).getTime() } : { includeDeletedUpstream: includeDeleted }),
    ...(collectionId ? { collectionId } : {}),
    vcardVersion,
  });
  const run = async (command: 'exportContacts' | 'exportCalendars') => {
    setRunning(true);
    setMessage(null);
    try {
      const result = await callThroughDb(command, params());
      setMessage({ text: exportSummarySentence(result), error: false, tone: leftSomeAside(result) ? 'warning' : 'success' });
      setHasAside(leftSomeAside(result));
    } catch (error) {
      setMessage({ text: (error as Error).message, error: true });
      setHasAside(false);
    } finally {
      setRunning(false);
    }
  };

  return (
    <div class="export-panel">
      <CollectionSelect label={t('exportWhich')} emptyLabel={t('exportAllCollections')} choices={choices} value={collectionId} onChange={setCollectionId} />
      <Field label={t('exportVcardVersion')}>
        {(control) => (
          <select {...control} value={vcardVersion} onChange={(e) => setVcardVersion(e.currentTarget.value === '4.0' ? '4.0' : '3.0')}>
            <option value="3.0">{t('exportVcard30')}</option>
            <option value="4.0">{t('exportVcard40')}</option>
          </select>
        )}
      </Field>
      <Field label={t('optionsExportAsOf')}>{(control) => <input {...control} type="datetime-local" value={asOf} onInput={(e) => setAsOf(e.currentTarget.value)} />}</Field>
      <Field label={t('optionsExportIncludeDeleted')} checkbox>
        {(control) => <input {...control} type="checkbox" checked={includeDeleted} disabled={asOf !== ''} onChange={(e) => setIncludeDeleted(e.currentTarget.checked)} />}
      </Field>
      <div class="actions">
        {chosen?.kind !== 'calendar' && (
          <Button primary disabled={running} onAction={() => run('exportContacts')}>
            {t('popupExportContacts')}
          </Button>
        )}
        {chosen?.kind !== 'addressbook' && (
          <Button primary disabled={running} onAction={() => run('exportCalendars')}>
            {t('popupExportCalendars')}
          </Button>
        )}
      </div>
      {running && <Progress label={t('exportBuilding')} />}
      <StatusLine message={message}>
        {hasAside && !showItems && <ExportItemsLink onShow={() => setShowItems(true)} />}
      </StatusLine>
      {showItems && <ExportItemsList />}
    </div>
  );
}
