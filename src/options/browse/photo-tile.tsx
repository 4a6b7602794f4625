// One photo of the grid: its thumbnail from the mirror through a Blob URL that lives as long as
// the tile (never a remote address), or its kind when no thumbnail can exist, with its marks.
import { useEffect, useState } from 'preact/hooks';
import { openDb } from '../../db/schema';
import type { PhotoRecord } from '../../model/photo';
import { t } from '../../shared/i18n';
import { personLocale } from '../../catalog/person-locale';

function useThumbUrl(photo: PhotoRecord): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (photo.thumb !== 1) return undefined;
    let made: string | null = null;
    let cancelled = false;
    void openDb()
      .photoThumbs.get(photo.id)
      .then((thumb) => {
        if (cancelled || !thumb) return;
        // Always one of our own JPEGs (make-thumbnail.ts); typed so, whatever the record says.
        made = URL.createObjectURL(thumb.data.slice(0, thumb.data.size, 'image/jpeg'));
        setUrl(made);
      });
    return () => {
      cancelled = true;
      if (made) URL.revokeObjectURL(made);
    };
  }, [photo.id, photo.thumb, photo.sha256]);
  return url;
}

export function PhotoTile({ photo }: { photo: PhotoRecord }) {
  const url = useThumbUrl(photo);
  const when = photo.takenAt === null ? '' : new Date(photo.takenAt).toLocaleDateString(personLocale(), { timeZone: 'UTC' });
  const label = [photo.name, when].filter(Boolean).join(', ');
  return (
    <li class={photo.live ? 'photo' : 'photo photo-deleted'} data-photo-id={photo.id}>
      {url ? <img src={url} alt={label} width={photo.width ?? undefined} height={photo.height ?? undefined} /> : <span class="photo-kind">{photo.mime.split('/')[1]?.toUpperCase() ?? photo.mime}</span>}
      <span class="photo-name">{label}</span>
      {!photo.live && <span class="mark mark-deleted">{t('markDeleted')}</span>}
      {photo.corruptAt !== null && <span class="mark mark-deleted">{t('photoCorrupt')}</span>}
    </li>
  );
}
