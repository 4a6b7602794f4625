// The failures only a DAV server can have: an address that does not answer as CardDAV or
// CalDAV, and a sync token the server forgot. The generic ones (refused credentials, no answer,
// an unexpected status) live with the HTTP layer in http/http-errors.ts.
import { t } from '../../catalog/catalog-text';
import { RequestError, hostOf } from '../../http/http-errors';

/** The URL answers, but not as a CardDAV/CalDAV server would (HTML page, 405 on PROPFIND…). */
export class NotDavError extends RequestError {
  readonly code = 'not-dav';

  constructor(url: string, detail: string) {
    super(t('davNotDav', hostOf(url), detail), url);
  }
}

/**
 * RFC 6578 §3.2: the server no longer knows the token (DAV:valid-sync-token precondition,
 * 403/409); other services say the same with 400 or 410. It always means "list everything and
 * compare", never "the collection is empty".
 */
export class InvalidSyncTokenError extends RequestError {
  readonly code = 'invalid-sync-token';
  readonly status: number;

  constructor(url: string, status: number) {
    super(t('davSyncTokenExpired'), url);
    this.status = status;
  }
}

