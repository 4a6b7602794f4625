// Judging where a followed redirect led. In a browser, `redirect: 'manual'` gives an opaque
// answer without its Location (Fetch standard, "opaque-redirect filtered response"), so reads
// let fetch follow and the answer's final URL is judged afterwards; the standard already drops
// Authorization on a cross-origin hop (HTTP-redirect fetch, step 13), so what is left to decide
// is whether the answer may be used and whether the credentials may follow it there.
import { redirectBinds, type CredentialPolicy } from './credential-policy';

export type RedirectOutcome =
  /** No redirect, or one within the same origin. */
  | 'same-origin'
  /** Another origin of the account's own site, now bound (its credentials may go there). */
  | 'bound'
  /** https → http: whatever came back travelled in clear, and is discarded. */
  | 'downgrade'
  /** Another site: not used with the account's credentials. */
  | 'foreign';

export function judgeRedirect(policy: CredentialPolicy, requested: string, final: string): RedirectOutcome {
  const from = new URL(requested);
  const to = new URL(final);
  if (from.protocol === 'https:' && to.protocol !== 'https:') return 'downgrade';
  if (from.origin === to.origin) return 'same-origin';
  if (!redirectBinds(policy, from, to)) return 'foreign';
  policy.bound.add(to.origin);
  return 'bound';
}

/** Re-sends after a redirect within one request (a 401 at a bound shard), beyond fetch's own hops. */
export const MAX_RESENDS = 3;
