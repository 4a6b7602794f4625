// Which origins an account's credentials may travel to: the one place that decides it. A
// password goes to the origin the person entered and to origins a redirect from there reached
// within the same registrable domain over https (iCloud: contacts.icloud.com answers with a
// redirect to pNN-contacts.icloud.com); a bearer token goes only to the API origin it was issued
// for (RFC 6750 §5.2: a token must not reach anyone but the resource server); nothing is ever
// sent over plain http to a host off this machine unless the person confirmed it for the account.
// A browser session (iCloud's icloud.com sign-in) is held by the browser, never by Lifeboat:
// the policy decides which requests fetch may attach the site's cookies to, with the same
// same-site rule as a password.
import { isLoopbackHost } from '../model/plain-http';
import { getDomain } from 'tldts';

/**
 * `browser-session`: the browser's own cookies for the account's site, added by fetch
 * (`credentials: 'include'`) only to requests this policy lets carry credentials.
 */
export type CredentialKind = 'password' | 'bearer' | 'browser-session' | 'none';

export interface CredentialPolicy {
  readonly kind: CredentialKind;
  /** Origins the credentials may go to; grows when a redirect stays within the account's site. */
  readonly bound: Set<string>;
  /** The person confirmed plain http for this account (a server on their own network). */
  readonly allowPlainHttp: boolean;
}

export function createCredentialPolicy(params: { serverUrl: string; kind: CredentialKind; allowPlainHttp?: boolean }): CredentialPolicy {
  return { kind: params.kind, bound: new Set([new URL(params.serverUrl).origin]), allowPlainHttp: params.allowPlainHttp ?? false };
}

/**
 * The registrable domain (Public Suffix List, private section included, so that two
 * `*.github.io` sites are two sites). An IP address or a single-label name such as
 * `localhost` has none and is its own site; so a different port on the same host is the same
 * site (the loopback shard test relies on it, as iCloud's shards rely on the domain).
 */
export function siteOf(hostname: string): string {
  return getDomain(hostname, { allowPrivateDomains: true }) ?? hostname.toLowerCase();
}

export type Verdict =
  | { ok: true }
  /** Not an origin of this account: nothing is sent there with the account's credentials. */
  | { ok: false; reason: 'foreign' }
  /** Plain http to a host off this machine, not confirmed by the person. */
  | { ok: false; reason: 'plain-http' };

/**
 * Whether a request to `url` may carry the account's credentials: a bound origin, or (for a
 * password) another origin of the same site that a bound one could redirect to. The second is
 * what iCloud needs: its principal on contacts.icloud.com names a home set on
 * pNN-contacts.icloud.com (an absolute href, RFC 4918 §8.3), with no redirect in between.
 */
export function mayCarryCredentials(policy: CredentialPolicy, url: string): Verdict {
  if (policy.kind === 'none') return { ok: true };
  const u = new URL(url);
  if (u.protocol === 'http:' && !isLoopbackHost(u.hostname) && !policy.allowPlainHttp) return { ok: false, reason: 'plain-http' };
  if (policy.bound.has(u.origin)) return { ok: true };
  if (![...policy.bound].some((origin) => redirectBinds(policy, new URL(origin), u))) return { ok: false, reason: 'foreign' };
  policy.bound.add(u.origin);
  return { ok: true };
}

/**
 * Whether a redirect from the bound `from` to `to` binds `to` too. Never for a bearer token;
 * for a password or a browser session, only within the same site, and only to https, or to plain http where plain
 * http is acceptable at all (loopback, or confirmed by the person) and was already in use.
 */
export function redirectBinds(policy: CredentialPolicy, from: URL, to: URL): boolean {
  if (policy.kind === 'none') return true;
  if (policy.kind === 'bearer' || siteOf(from.hostname) !== siteOf(to.hostname)) return false;
  if (to.protocol === 'https:') return true;
  return from.protocol === 'http:' && (isLoopbackHost(to.hostname) || policy.allowPlainHttp);
}
