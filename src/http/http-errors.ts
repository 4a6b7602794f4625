// Typed failures with messages a person can act on. The UI shows `message` as is, so it names
// the host (never the full URL with its query) and never the password: connections keep
// credentials out of URLs, and no error is built from a request's headers or body. The sentences
// come from the message catalog (catalog-text.ts).
import { t } from '../catalog/catalog-text';

/** Host and path of a URL, for messages. Userinfo is dropped even if someone typed it. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return u.host + u.pathname;
  } catch {
    return t('httpTheServer');
  }
}

export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return t('httpTheServer');
  }
}

export abstract class RequestError extends Error {
  abstract readonly code: string;
  /** The URL the failing request went to (no credentials: they travel only in a header). */
  readonly url: string;

  protected constructor(message: string, url: string, options?: { cause?: unknown }) {
    super(message, options);
    this.url = url;
    this.name = new.target.name;
  }
}

/** 401, or 403 on a resource the account should reach. */
export class AuthError extends RequestError {
  readonly code = 'auth';
  readonly status: number;

  /** `message`: a signed-in account's own reason (its sign-in expired), instead of the password's. */
  constructor(url: string, status: number, message?: string) {
    super(
      message ??
        (status === 401 ? t('httpAuthRefused') : t('httpAccessRefused', describeUrl(url))),
      url,
    );
    this.status = status;
  }
}

/** What the person typed is not a web address this extension can use. */
export class InvalidAddressError extends RequestError {
  readonly code = 'address';

  /** `invalid`: no web address at all; `scheme`: neither https nor http. */
  constructor(problem: 'invalid' | 'scheme') {
    super(t(problem === 'invalid' ? 'httpAddressInvalid' : 'httpAddressScheme'), '');
  }
}

/** No HTTP answer at all: DNS, refused connection, TLS, timeout. */
export class NetworkError extends RequestError {
  readonly code = 'network';

  constructor(url: string, cause?: unknown) {
    super(t('httpUnreachable', hostOf(url)), url, { cause });
  }
}

/** Any other unexpected HTTP status. */
export class HttpError extends RequestError {
  readonly code = 'http';
  readonly status: number;

  constructor(url: string, status: number, statusText = '') {
    super(t('httpStatus', statusText ? `${status} ${statusText}` : status, describeUrl(url)), url);
    this.status = status;
  }
}

