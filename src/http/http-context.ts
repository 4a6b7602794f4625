// What a request needs to reach an account's server: its credentials and the origins they may
// go to (credential-policy.ts), timeouts, retries, per-host limits, body caps, the run's request
// budget, and the small state one source learns along the way (where redirects really lead).
import { DEFAULT_BODY_CAPS, type BodyCaps } from './body-caps';
import { createCredentialPolicy, type CredentialKind, type CredentialPolicy } from './credential-policy';
import { InvalidAddressError } from './http-errors';
import { requestBudget, type RequestBudget } from './request-budget';
import { sharedHostLimiter, type HostLimiter } from './host-limiter';
import { retryPolicy, type RetryPolicy } from './retry-policy';

export interface AccountConnection {
  serverUrl: string;
  username: string;
  password: string;
  /** Injected so tests (and the extension) can hand in their own; default globalThis.fetch. */
  fetch?: typeof fetch;
  /** A signed-in account (Google): OAuth bearer tokens instead of the user name and password. */
  bearer?: BearerAuth;
  /** The person confirmed plain http for this account (AccountRecord.plainHttpConfirmed). */
  allowPlainHttp?: boolean;
}

/** RFC 6750 §2.1 bearer tokens, with a way to get a new one when the server refuses the old one. */
export interface BearerAuth {
  accessToken: string;
  /** A fresh token (refreshed, or signed in again silently); throws when a person must sign in. */
  renew(): Promise<string>;
}

export interface HttpContext {
  /** The URL the person entered, without any `user:pass@` part. */
  readonly serverUrl: string;
  /**
   * The Authorization header value: `Basic …` for a password, `Bearer …` for a signed-in
   * account (read on every request, so a renewed token is used at once), empty for a public
   * calendar feed. Never put into messages or URLs.
   */
  authorization: string;
  /** For bearer tokens: the header value with a renewed token, asked once after a 401. */
  readonly renewAuthorization?: () => Promise<string>;
  readonly fetch: typeof fetch;
  /** Abort a request that gets no answer for this long (a service worker must not hang). */
  readonly timeoutMs: number;
  /**
   * Origins learned from redirects that kept the path (iCloud: contacts.icloud.com →
   * pNN-contacts.icloud.com), so later requests go straight to the final host with credentials.
   */
  readonly origins: Map<string, string>;
  /** When and how often a failed request is tried again (retry-policy.ts). */
  readonly retry: RetryPolicy;
  /** Requests at once per origin, shared by every source of the worker unless a test hands one in. */
  readonly limiter: HostLimiter;
  /** Which origins the authorization may go to. */
  readonly policy: CredentialPolicy;
  /** The most bytes read of each kind of answer. */
  readonly bodyCaps: BodyCaps;
  /** Requests left in this run of this account. */
  readonly budget: RequestBudget;
}

export interface HttpContextOptions {
  /** Per-request timeout; default 60 s. */
  timeoutMs?: number;
  /** Overrides of the default retry policy (tests inject sleep and random here). */
  retry?: Partial<RetryPolicy>;
  /** Default: the worker-wide sharedHostLimiter. */
  limiter?: HostLimiter;
  /** Overrides of DEFAULT_BODY_CAPS (tests make them small). */
  bodyCaps?: Partial<BodyCaps>;
  /** One budget for every context of a run of an account; default: one of its own. */
  budget?: RequestBudget;
}

/**
 * RFC 7617 §2.1: the user-pass is encoded as UTF-8 before base64. `btoa` only takes Latin-1
 * "binary strings", so the UTF-8 bytes are turned into one char per byte first; a plain
 * btoa('jörg:pässword') would throw or, worse, send Latin-1 bytes the server cannot match.
 */
export function basicAuthorization(username: string, password: string): string {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

/**
 * Parses what the person typed: `dav.example.com` means https. Drops `user:pass@`: fetch
 * refuses such URLs, and they would leak into messages.
 */
export function normaliseServerUrl(input: string): string {
  const trimmed = input.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let u: URL;
  try {
    u = new URL(withScheme);
  } catch {
    // The input itself is not echoed: it may hold a password.
    throw new InvalidAddressError('invalid');
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') {
    throw new InvalidAddressError('scheme');
  }
  u.username = '';
  u.password = '';
  u.hash = '';
  return u.href;
}

export function createAccountContext(conn: AccountConnection, options: HttpContextOptions = {}): HttpContext {
  const { bearer } = conn;
  const common = { serverUrl: conn.serverUrl, fetch: conn.fetch, options, allowPlainHttp: conn.allowPlainHttp ?? false };
  if (!bearer) return createHttpContext({ ...common, authorization: basicAuthorization(conn.username, conn.password), credentials: 'password' });
  return {
    ...createHttpContext({ ...common, authorization: `Bearer ${bearer.accessToken}`, credentials: 'bearer' }),
    renewAuthorization: async () => `Bearer ${await bearer.renew()}`,
  };
}

export interface HttpContextParams {
  serverUrl: string;
  /** The Authorization header value; '' with credentials 'none'. */
  authorization: string;
  credentials: CredentialKind;
  fetch?: typeof fetch | undefined;
  options?: HttpContextOptions;
  allowPlainHttp?: boolean;
}

/**
 * The same context for any credentials: timeouts, retries, redirects, caps and per-host limits
 * serve calendar feeds (no credentials), passwords and bearer tokens alike.
 */
export function createHttpContext(params: HttpContextParams): HttpContext {
  const { options = {} } = params;
  const injected = params.fetch;
  const serverUrl = normaliseServerUrl(params.serverUrl);
  return {
    serverUrl,
    authorization: params.authorization,
    // Wrapped, not stored as is: calling a browser's fetch as a method of another object
    // (`ctx.fetch(...)`) throws "Illegal invocation".
    fetch: (input, init) => (injected ?? globalThis.fetch)(input, init),
    timeoutMs: options.timeoutMs ?? 60_000,
    origins: new Map(),
    retry: retryPolicy(options.retry),
    limiter: options.limiter ?? sharedHostLimiter,
    policy: createCredentialPolicy({ serverUrl, kind: params.credentials, allowPlainHttp: params.allowPlainHttp ?? false }),
    bodyCaps: { ...DEFAULT_BODY_CAPS, ...options.bodyCaps },
    budget: options.budget ?? requestBudget(),
  };
}
