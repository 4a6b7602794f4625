// A cap on the requests of one run of one account, shared by every context the run creates
// (an account's contacts and calendars each have their own). A server that answers every
// listing with more work (new hrefs, new homes, new pages) must not keep a run going forever;
// the cap is far above a real run (a 50,000-photo library's first run is about 51,000 requests).
import { RequestBudgetError } from './policy-errors';

export const DEFAULT_REQUESTS_PER_RUN = 200_000;

export interface RequestBudget {
  readonly limit: number;
  spent: number;
}

export function requestBudget(limit = DEFAULT_REQUESTS_PER_RUN): RequestBudget {
  return { limit, spent: 0 };
}

/** Counts one request to `url`; throws once the run has sent `limit`. */
export function spendRequest(budget: RequestBudget, url: string): void {
  if (budget.spent >= budget.limit) throw new RequestBudgetError({ url, limit: budget.limit });
  budget.spent++;
}
