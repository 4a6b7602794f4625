// The photo grid reads a page at a time by key ([sortAt+id], newest first), never by offset,
// so the hundredth page costs what the first does.
import type { LifeboatDb } from '../schema';
import type { PhotoRecord } from '../../model/photo';

export const PHOTO_PAGE = 60;

export type PhotoCursor = [number, string] | null;

export async function photoPage(db: LifeboatDb, after: PhotoCursor, limit = PHOTO_PAGE): Promise<PhotoRecord[]> {
  const range = after ? db.photos.where('[sortAt+id]').below(after) : db.photos.orderBy('[sortAt+id]');
  return range.reverse().limit(limit).toArray();
}

/** Photos still waiting for a thumbnail, a few at a time. */
export function photosWithoutThumb(db: LifeboatDb, limit: number): Promise<PhotoRecord[]> {
  return db.photos.where('thumb').equals(0).limit(limit).toArray();
}
