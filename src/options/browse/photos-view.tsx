// The mirrored photos, newest first, a page at a time, from stored data only: thumbnails made
// in this page (use-thumbnail-maker.ts), never an image from the server. With none mirrored,
// it says how to add some rather than showing an empty grid that looks like lost photos.
import { openDb } from '../../db/schema';
import { photoPage, PHOTO_PAGE } from '../../db/photos/photo-pages';
import { t } from '../../shared/i18n';
import { useLiveQuery } from '../../ui/use-live-query';
import { usePaged } from './use-paged';
import { PhotoTile } from './photo-tile';
import { useThumbnailMaker } from './use-thumbnail-maker';
import { formatCount } from '../../ui/format-count';

export function PhotosView() {
  const { limit, more } = usePaged('photos');
  const pageSize = Math.ceil(limit / PHOTO_PAGE) * PHOTO_PAGE;
  const photos = useLiveQuery(() => photoPage(openDb(), null, pageSize), [pageSize]);
  const total = useLiveQuery(() => openDb().photos.count()) ?? 0;
  const waiting = useLiveQuery(() => openDb().photos.where('thumb').equals(0).count()) ?? 0;
  useThumbnailMaker(waiting);
  if (!photos) return null;
  if (photos.length === 0) {
    return (
      <div class="photos-view">
        <p>{t('photosNone')}</p>
        <p class="muted">{t('photosContactsHint')}</p>
      </div>
    );
  }
  return (
    <div class="photos-view">
      <p class="muted" role="status">
        {t('photosShown', formatCount(photos.length), formatCount(total))}
      </p>
      <ul class="photo-grid">
        {photos.map((photo) => (
          <PhotoTile key={photo.id} photo={photo} />
        ))}
      </ul>
      {photos.length < total && (
        <button type="button" onClick={more}>
          {t('browseShowMore')}
        </button>
      )}
    </div>
  );
}
