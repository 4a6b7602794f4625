// Exports a selection of contacts as one .vcf: the ones a search found, or the one open.
import { useState } from 'preact/hooks';
import { openDb } from '../../db/schema';
import { searchContacts } from '../../db/browse-items';
import { t } from '../../shared/i18n';
import { callThroughDb } from '../../ui/call-through-db';
import { StatusMessage, type Message } from '../../ui/status-message';

async function exportContacts(itemIds: string[], includeDeletedUpstream: boolean): Promise<Message> {
  try {
    const result = await callThroughDb('exportContacts', { itemIds, includeDeletedUpstream });
    return { text: t('exportSavedItems', result.fileName, result.count), error: false };
  } catch (error) {
    return { text: (error as Error).message, error: true };
  }
}

/** Every contact the search matches, not only the page shown. */
export function ExportFound({ query, showDeleted }: { query: string; showDeleted: boolean }) {
  const [message, setMessage] = useState<Message>(null);
  const run = async () => {
    const found = await searchContacts(openDb(), query, { limit: Number.MAX_SAFE_INTEGER, showDeleted });
    setMessage(await exportContacts(found.map((item) => item.id), showDeleted));
  };
  return (
    <div class="export-selection">
      <button type="button" onClick={() => void run()}>
        {t('browseExportFound')}
      </button>
      <StatusMessage message={message} />
    </div>
  );
}

export function ExportOne({ itemId }: { itemId: string }) {
  const [message, setMessage] = useState<Message>(null);
  return (
    <div class="export-selection">
      <button type="button" onClick={() => void exportContacts([itemId], true).then(setMessage)}>
        {t('browseExportContact')}
      </button>
      <StatusMessage message={message} />
    </div>
  );
}
