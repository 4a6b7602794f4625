// A contact as a card: photo (only if the card carries it, and only as pixels: never an SVG
// document, contact-photo-url.ts), then each property in words.
import { useMemo } from 'preact/hooks';
import type { ItemRecord } from '../../model/item';
import { t } from '../../shared/i18n';
import { useContactPhoto } from './contact-photo-url';
import { contactDetails } from './contact-details';
import { DetailList } from './detail-list';
import { ExportOne } from './export-selection';

export function ContactCard({ item }: { item: ItemRecord }) {
  const details = useMemo(() => contactDetails(item.raw), [item.raw]);
  const photo = useContactPhoto(details.photo);
  return (
    <div class="contact-card">
      {photo.url && <img class="contact-photo" src={photo.url} alt={t('cardPhotoOf', item.title)} width={96} height={96} />}
      {photo.notShown && <p class="muted">{t('cardPhotoNotShown')}</p>}
      <DetailList rows={details.rows} />
      {details.remotePhoto && <p class="muted">{t('cardRemotePhoto')}</p>}
      <ExportOne itemId={item.id} />
    </div>
  );
}
