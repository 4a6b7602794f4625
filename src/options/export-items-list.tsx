// The items exports copy exactly as served or leave out, by collection, name and reason: what
// the export's sentence counts, named one by one. Reached from that sentence and from the
// popup (#export-items).
import { useEffect } from 'preact/hooks';
import { openDb } from '../db/schema';
import { t } from '../shared/i18n';
import { exportItemsKeptOrLeftOut } from '../ui/export-items';
import { EXPORT_ITEMS_ANCHOR } from '../ui/open-export-items';
import { useLiveQuery } from '../ui/use-live-query';

export function ExportItemsList() {
  const items = useLiveQuery(() => exportItemsKeptOrLeftOut(openDb()));
  const shown = items !== undefined;
  useEffect(() => {
    if (shown && location.hash === `#${EXPORT_ITEMS_ANCHOR}`) document.getElementById(EXPORT_ITEMS_ANCHOR)?.scrollIntoView();
  }, [shown]);
  if (!items) return null;
  if (items.length === 0) return <p id={EXPORT_ITEMS_ANCHOR}>{t('exportItemsNone')}</p>;
  return (
    <table class="export-items" id={EXPORT_ITEMS_ANCHOR}>
      <caption>{t('exportItemsCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('exportItemsCollection')}</th>
          <th scope="col">{t('exportItemsName')}</th>
          <th scope="col">{t('exportItemsReason')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={`${item.collectionId} ${item.href}`}>
            <td>{item.collectionName}</td>
            <td>{item.title || item.href}</td>
            <td>{item.reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
