// Feed failures, named by host only: a feed's path often is its secret (Google's
// private-<key>/basic.ics), and these messages reach the run log and the popup.
import { hostOf } from '../../http/http-errors';

export class FeedError extends Error {
  /** Not `auth`: a feed has no password to ask for, so the account is not paused. */
  readonly code = 'feed';
  readonly status: number | null;

  constructor(url: string, detail: string, status: number | null = null) {
    super(`The calendar feed at ${hostOf(url)} ${detail}`);
    this.name = 'FeedError';
    this.status = status;
  }
}
