// What iCloud Photos answers when a run or a file cannot go on, as errors with a sentence for
// the person and a code for the engine (model/source.ts SourceErrorShape). The mirror is never
// touched.
import { t } from '../../catalog/catalog-text';

export class IcloudPhotosError extends Error {
  constructor(
    readonly code: 'icloud-indexing' | 'too-large' | 'rate-limited' | 'gone',
    message: string,
  ) {
    super(message);
    this.name = 'IcloudPhotosError';
  }
}

/**
 * CheckIndexingState RUNNING: iCloud is still building the library's index (a new device, a
 * library just turned on; icloud-photos-sync icloud-photos.ts waits for FINISHED). Listing now
 * would show a part of the library as if it were all of it.
 */
export const libraryIndexing = () => new IcloudPhotosError('icloud-indexing', t('icloudPhotosIndexing'));

/** More records than any library holds: a service gone wrong must not fill the worker's memory. */
export const tooManyRecords = (limit: number) => new IcloudPhotosError('too-large', t('icloudPhotosTooManyRecords', limit));

/**
 * requestPCS did not hand out the photos cookies yet: it asked the person's device, which has
 * not answered ("Requested the device to upload cookies"; pyicloud base.py asks again later).
 */
export const photosAccessPending = () => new IcloudPhotosError('rate-limited', t('icloudPhotosAccessPending'));

/** The file is no longer in the library: records/lookup answered NOT_FOUND, or the record has no such file. */
export const fileGone = (name: string) => new IcloudPhotosError('gone', t('icloudPhotosFileGone', name));
