// What a DAV account needs to talk to its server, and the small state one source learns
// along the way (where redirects really lead).
import { InvalidAddressError } from './http-errors';
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
  /** When and how often a failed request is tried again (see dav-retry.ts). */
  readonly retry: RetryPolicy;
  /** Requests at once per origin, shared by every source of the worker unless a test hands one in. */
  readonly limiter: HostLimiter;
}

export interface HttpContextOptions {
  /** Per-request timeout; default 60 s. */
  timeoutMs?: number;
  /** Overrides of the default retry policy (tests inject sleep and random here). */
  retry?: Partial<RetryPolicy>;
  /** Default: the worker-wide sharedHostLimiter. */
  limiter?: HostLimiter;
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
    throw new InvalidAddressError('is not a valid web address');
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') {
    throw new InvalidAddressError('must start with https://');
  }
  u.username = '';
  u.password = '';
  u.hash = '';
  return u.href;
}

export function createAccountContext(conn: AccountConnection, options: HttpContextOptions = {}): HttpContext {
  const { bearer } = conn;
  if (!bearer) return createHttpContext(conn.serverUrl, basicAuthorization(conn.username, conn.password), conn.fetch, options);
  return { ...createHttpContext(conn.serverUrl, `Bearer ${bearer.accessToken}`, conn.fetch, options), renewAuthorization: async () => `Bearer ${await bearer.renew()}` };
}

/**
 * The same context for any credentials: the DAV engine's timeouts, retries, redirects and
 * per-host limits serve calendar feeds (no credentials) and bearer tokens alike.
 */
export function createHttpContext(serverUrl: string, authorization: string, injected: typeof fetch | undefined, options: HttpContextOptions = {}): HttpContext {
  return {
    serverUrl: normaliseServerUrl(serverUrl),
    authorization,
    // Wrapped, not stored as is: calling a browser's fetch as a method of another object
    // (`ctx.fetch(...)`) throws "Illegal invocation".
    fetch: (input, init) => (injected ?? globalThis.fetch)(input, init),
    timeoutMs: options.timeoutMs ?? 60_000,
    origins: new Map(),
    retry: retryPolicy(options.retry),
    limiter: options.limiter ?? sharedHostLimiter,
  };
}
