// "See which", after an export's sentence when the export kept items exactly as served or left
// some out: it leads to the list that names them and says why (options/export-items-list.tsx).
// In the options page it shows the list below; in the popup it opens the options page there.
import { t } from '../shared/i18n';
import type { ExportResult } from '../model/export';

/** An export that did not write every item as the others: the sentence says so, the list names them. */
export function leftSomeAside(result: ExportResult): boolean {
  return result.skipped.length > 0 || (result.keptAsServed ?? 0) > 0;
}

export function ExportItemsLink({ onShow }: { onShow: () => void }) {
  return (
    <>
      {' '}
      <button type="button" class="link" onClick={onShow}>
        {t('exportItemsShow')}
      </button>
    </>
  );
}
