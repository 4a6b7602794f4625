// The HTTP layer's refusals: a host the account is not bound to, an https answer that came back
// over plain http, a body or a listing bigger than any real one, a run that would send more
// requests than any real account needs. Each names the host, never the URL's path or query (a
// feed's path is its secret), and reads from the catalog (model/catalog-text.ts).
import { t } from '../catalog/catalog-text';
import { RequestError, hostOf } from './http-errors';

/** A redirect, an href, a principal or a home set pointed at a host the account is not bound to. */
export class CredentialsWithheldError extends RequestError {
  readonly code = 'foreign-host';
  readonly host: string;

  constructor(params: { url: string; bearer: boolean }) {
    const host = hostOf(params.url);
    super(t(params.bearer ? 'httpForeignHostToken' : 'httpForeignHostPassword', host), params.url);
    this.host = host;
  }
}

/** https that became http on the way: the answer travelled in clear, and is not used. */
export class InsecureRedirectError extends RequestError {
  readonly code = 'insecure-redirect';

  constructor(url: string) {
    super(t('httpInsecureRedirect', hostOf(url)), url);
  }
}

/** A password or token would travel in clear to a host off this machine. */
export class PlainHttpRefusedError extends RequestError {
  readonly code = 'plain-http';

  constructor(url: string) {
    super(t('httpPlainHttpRefused', hostOf(url)), url);
  }
}

/** A body past its cap (body-caps.ts); reading stopped there. */
export class TooLargeError extends RequestError {
  readonly code = 'too-large';
  readonly cap: number;

  constructor(params: { url: string; cap: number }) {
    super(t('httpTooLarge', hostOf(params.url), Math.round(params.cap / (1024 * 1024))), params.url);
    this.cap = params.cap;
  }
}

/** A listing that repeats a page or a token, or runs past its page cap (page-guard.ts). */
export class EndlessListingError extends RequestError {
  readonly code = 'endless-listing';

  constructor(params: { url: string; repeated: boolean; pages: number }) {
    super(params.repeated ? t('httpListingRepeats', hostOf(params.url)) : t('httpListingTooLong', hostOf(params.url), params.pages), params.url);
  }
}

/** More requests in one run of one account than the cap (request-budget.ts). */
export class RequestBudgetError extends RequestError {
  readonly code = 'request-budget';

  constructor(params: { url: string; limit: number }) {
    super(t('httpRequestBudget', hostOf(params.url), params.limit), params.url);
  }
}

/** The layer's refusals above: no retry cures them, and the person must read them. */
export function isPolicyRefusal(error: unknown): boolean {
  return (
    error instanceof CredentialsWithheldError ||
    error instanceof InsecureRedirectError ||
    error instanceof PlainHttpRefusedError ||
    error instanceof TooLargeError ||
    error instanceof EndlessListingError ||
    error instanceof RequestBudgetError
  );
}
