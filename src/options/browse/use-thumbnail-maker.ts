// While the photo grid is open, photos without a thumbnail get one, a few at a time, made here
// in the page (a service worker has no DOM, and decoding is the page's job). Each finished
// thumbnail is written at once, so the grid fills in as they come (it reads them live).
import { useEffect } from 'preact/hooks';
import { openDb } from '../../db/schema';
import { photosWithoutThumb } from '../../db/photos/photo-pages';
import { makeThumbnail } from './make-thumbnail';
import { asBlob } from '../../db/photos/stored-bytes';

const BATCH = 4;

async function makeSome(): Promise<number> {
  const db = openDb();
  const waiting = await photosWithoutThumb(db, BATCH);
  for (const photo of waiting) {
    const stored = photo.mime.startsWith('image/') ? await db.photoBlobs.get(photo.id) : undefined;
    const thumb = stored ? await makeThumbnail(asBlob(stored.data, photo.mime)) : null;
    await db.transaction('rw', db.photos, db.photoThumbs, async () => {
      if (thumb) await db.photoThumbs.put({ id: photo.id, data: thumb.data });
      await db.photos.update(photo.id, thumb ? { thumb: 1, width: photo.width ?? thumb.width, height: photo.height ?? thumb.height } : { thumb: -1 });
    });
  }
  return waiting.length;
}

/** `waiting`: how many photos lack a thumbnail (a live count), so new downloads restart the work. */
export function useThumbnailMaker(waiting: number): void {
  useEffect(() => {
    if (waiting === 0) return undefined;
    let stopped = false;
    void (async () => {
      while (!stopped && (await makeSome()) > 0) {
        /* next batch */
      }
    })();
    return () => {
      stopped = true;
    };
  }, [waiting > 0]);
}
