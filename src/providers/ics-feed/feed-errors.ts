// Feed failures, named by host only: a feed's path often is its secret (Google's
// private-<key>/basic.ics), and these messages reach the run log and the popup.
import { hostOf } from '../../http/http-errors';
import { t } from '../../catalog/catalog-text';

/** What went wrong, each a sentence of the catalog. */
const SENTENCES = { gone: 'feedGone', status: 'feedStatus', 'not-calendar': 'feedNotCalendar', 'sign-in': 'feedSignIn', 'cut-off': 'feedCutOff' } as const;
export type FeedProblem = keyof typeof SENTENCES;

export class FeedError extends Error {
  /** Not `auth`: a feed has no password to ask for, so the account is not paused. */
  readonly code = 'feed';
  readonly status: number | null;

  constructor(url: string, problem: FeedProblem, status: number | null = null) {
    super(t(SENTENCES[problem], hostOf(url), status ?? ''));
    this.name = 'FeedError';
    this.status = status;
  }
}
