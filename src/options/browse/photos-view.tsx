// Photo libraries are not mirrored yet. Said plainly, rather than an empty grid that looks
// like lost photos. Contact photos carried in cards show on each contact.
import { t } from '../../shared/i18n';

export function PhotosView() {
  return (
    <div class="photos-view">
      <p>{t('photosNone')}</p>
      <p class="muted">{t('photosContactsHint')}</p>
    </div>
  );
}
