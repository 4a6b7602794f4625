// Marks on an item that a person must not miss: it was deleted upstream (and is kept here), or
// its text in the copy was restored from an earlier version. Words, not colour alone.
import type { ItemRecord } from '../../model/item';
import { t } from '../../shared/i18n';
import { formatDateTime } from '../../catalog/person-locale';

export function ItemMarks({ item, long = false }: { item: ItemRecord; long?: boolean }) {
  return (
    <>
      {item.deletedUpstreamAt !== null && (
        <span class="mark mark-deleted">
          {long ? t('markDeletedOn', formatDateTime(item.deletedUpstreamAt)) : t('markDeleted')}
        </span>
      )}
      {item.restoredAt != null && long && <span class="mark mark-restored">{t('markRestoredOn', formatDateTime(item.restoredAt))}</span>}
    </>
  );
}
