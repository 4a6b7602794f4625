// Exports a selection of contacts as one .vcf: the ones a search found, or the one open.
import { useState } from 'preact/hooks';
import { openDb } from '../../db/schema';
import { searchContacts } from '../../db/browse-items';
import { t } from '../../shared/i18n';
import { itemsSavedSentence } from '../../ui/saved-file-sentences';
import { useConnector } from '../../ui/connect/use-connector';
import type { Connector } from '../../ui/connect/connector';
import { Button } from '../../ui/controls/button';
import { StatusLine, type Message } from '../../ui/controls/status-line';

async function exportContacts(connector: Connector, itemIds: string[], includeDeletedUpstream: boolean): Promise<Message> {
  try {
    const result = await connector.callThroughDb('exportContacts', { itemIds, includeDeletedUpstream });
    return { text: itemsSavedSentence(result), error: false };
  } catch (error) {
    return { text: (error as Error).message, error: true };
  }
}

/** Every contact the search matches, not only the page shown. */
export function ExportFound({ query, showDeleted }: { query: string; showDeleted: boolean }) {
  const connector = useConnector();
  const [message, setMessage] = useState<Message>(null);
  const run = async () => {
    const found = await searchContacts(openDb(), query, { limit: Number.MAX_SAFE_INTEGER, showDeleted });
    setMessage(await exportContacts(connector, found.map((item) => item.id), showDeleted));
  };
  return (
    <div class="export-selection">
      <Button onAction={run}>{t('browseExportFound')}</Button>
      <StatusLine message={message} />
    </div>
  );
}

export function ExportOne({ itemId }: { itemId: string }) {
  const connector = useConnector();
  const [message, setMessage] = useState<Message>(null);
  return (
    <div class="export-selection">
      <Button onAction={() => exportContacts(connector, [itemId], true).then(setMessage)}>{t('browseExportContact')}</Button>
      <StatusLine message={message} />
    </div>
  );
}
