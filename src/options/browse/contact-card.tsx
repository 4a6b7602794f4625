// A contact as a card: photo (only if the card carries it), then each property in words.
import { useMemo } from 'preact/hooks';
import type { ItemRecord } from '../../db/records';
import { t } from '../../shared/i18n';
import { useBlobUrl } from '../../ui/use-blob-url';
import { contactDetails } from './contact-details';
import { DetailList } from './detail-list';
import { ExportOne } from './export-selection';

export function ContactCard({ item }: { item: ItemRecord }) {
  const details = useMemo(() => contactDetails(item.raw), [item.raw]);
  const photoUrl = useBlobUrl(details.photo);
  return (
    <div class="contact-card">
      {photoUrl && <img class="contact-photo" src={photoUrl} alt={t('cardPhotoOf', item.title)} width={96} height={96} />}
      <DetailList rows={details.rows} />
      {details.remotePhoto && <p class="muted">{t('cardRemotePhoto')}</p>}
      <ExportOne itemId={item.id} />
    </div>
  );
}
