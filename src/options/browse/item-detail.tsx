// One item in full: its card (a contact) or its details (an event, a task), its marks, and its
// version history.
import { openDb } from '../../db/schema';
import { t } from '../../shared/i18n';
import { useLiveQuery } from '../../ui/use-live-query';
import { ContactCard } from './contact-card';
import { DetailList } from './detail-list';
import { calendarDetails } from './calendar-details';
import { ItemMarks } from './item-marks';
import { ItemHistory } from './history/item-history';
import { formatDateTime } from '../../catalog/person-locale';

export function ItemDetail({ itemId }: { itemId: string }) {
  const item = useLiveQuery(() => openDb().items.get(itemId), [itemId]);
  if (!item) return null;
  return (
    <article class="item-detail" aria-labelledby="item-heading">
      <h2 id="item-heading" tabIndex={-1}>
        {item.title}
      </h2>
      <p class="marks">
        <ItemMarks item={item} long />
      </p>
      {item.kind === 'contact' ? <ContactCard item={item} /> : <DetailList rows={calendarDetails(item)} />}
      <p class="muted">{t('detailKeptSince', formatDateTime(item.firstSeenAt))}</p>
      <ItemHistory itemId={item.id} />
    </article>
  );
}
