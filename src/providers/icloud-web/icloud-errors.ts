// What iCloud's web services answer when they will not serve, as errors the engine knows
// (model/source.ts SourceErrorShape). iCloud says "not signed in" with 421 (and 450, which
// pyicloud and icloudpd treat alike); the engine reads any refused credential as `auth` 401,
// so the account waits for the person instead of asking again and again.
import { t } from '../../catalog/catalog-text';

/** No icloud.com session in this browser, or it expired: the person signs in at icloud.com. */
export class IcloudSignedOutError extends Error {
  readonly code = 'auth';
  /** What the engine reads as "credentials refused" (sync/describe-error.ts). */
  readonly status = 401;
  /** What iCloud answered: 421 or 450. */
  readonly serviceStatus: number;

  constructor(serviceStatus: number) {
    super(t('icloudSignedOut'));
    this.name = 'IcloudSignedOutError';
    this.serviceStatus = serviceStatus;
  }
}

/**
 * Advanced Data Protection with web access turned off (support.apple.com/HT212520): iCloud
 * Photos cannot be read through icloud.com at all. Nothing in the mirror changes.
 */
export class IcloudWebAccessOffError extends Error {
  readonly code = 'web-access-off';

  constructor() {
    super(t('icloudWebAccessOff'));
    this.name = 'IcloudWebAccessOffError';
  }
}

/** CloudKit's ZONE_NOT_FOUND for the photo library: iCloud Photos is not set up for this Apple ID. */
export class IcloudPhotosNotSetUpError extends Error {
  readonly code = 'photos-not-set-up';

  constructor() {
    super(t('icloudPhotosNotSetUp'));
    this.name = 'IcloudPhotosNotSetUpError';
  }
}

/**
 * An answer whose shape is not the one Lifeboat was written against (the service changed, or
 * answered something else): the run stops before the mirror is touched, and `shape` (field
 * names and types, no values) is what a bug report needs.
 */
export class IcloudUnexpectedAnswerError extends Error {
  readonly code = 'bad-response';
  readonly path: string;
  readonly status: number;
  readonly shape: string;

  constructor(params: { url: string; status: number; shape: string }) {
    super(t('icloudUnexpectedAnswer', new URL(params.url).pathname));
    this.name = 'IcloudUnexpectedAnswerError';
    this.path = new URL(params.url).pathname;
    this.status = params.status;
    this.shape = params.shape;
  }
}
