// Asking the policy before a request is planned: an href a listing named on a host the
// account is not bound to becomes a failed item with the refusal's own message, instead of a
// request the HTTP layer would refuse (or a body naming it sent to the account's server).
import { mayCarryCredentials } from './credential-policy';
import type { HttpContext } from './http-context';
import { CredentialsWithheldError, PlainHttpRefusedError } from './policy-errors';

/** Why a request to `href` could not carry the account's credentials, or null when it could. */
export function refusedHref(ctx: HttpContext, href: string): string | null {
  if (!ctx.authorization && ctx.policy.kind !== 'browser-session') return null;
  const verdict = mayCarryCredentials(ctx.policy, href);
  if (verdict.ok) return null;
  return verdict.reason === 'plain-http' ? new PlainHttpRefusedError(href).message : new CredentialsWithheldError({ url: href, bearer: ctx.policy.kind === 'bearer' }).message;
}
