// The signed-in browser's session as icloud.com's web services check it, and the failure modes
// the reproduction can be switched into. Every behaviour and its source is in README.md:
// - the session is the X-APPLE-WEBAUTH-TOKEN cookie (pyicloud base.py `_validate_token` refuses
//   to call validate without it); without it the answer is 421 with the reason "Missing
//   X-APPLE-WEBAUTH-TOKEN cookie" (the reason pyicloud's session.py `_raise_error` matches);
//   a token the service no longer knows answers 421 "Invalid global session" (the message
//   icloudpd's download.py re-authenticates on);
// - requests carry `Origin: https://www.icloud.com` (pyicloud base.py, icloudpd's cassettes,
//   icloud-photos-sync's network-manager.ts all set it); without it the reproduction answers 403
//   (an assumption: none of the projects records what the service does without it);
// - CloudKit answers its errors as {uuid, serverErrorCode, reason} with the HTTP status of
//   Apple's "CloudKit Web Services Reference: Error Codes" (AUTHENTICATION_REQUIRED 421,
//   ACCESS_DENIED 403, ZONE_NOT_FOUND 404, THROTTLED 429, TRY_AGAIN_LATER 503);
// - `failNext(status, n)` answers the next n requests 421, 450 (pyicloud const.py: "Find My
//   re-auth required", which both pyicloud and icloudpd treat as "authentication required"),
//   500 or 503 (icloudpd utils.py `throw_on_503`), 503 with Retry-After when asked.
import { randomUUID } from 'node:crypto';
import { requestCookies, type IcloudExchange } from './icloud-exchange';

export const ICLOUD_ORIGIN = 'https://www.icloud.com';

/** CloudKit's serverErrorCode for an HTTP status (CloudKit Web Services Reference, "Error Codes"). */
const CLOUDKIT_CODES: Record<number, string> = { 400: 'BAD_REQUEST', 401: 'AUTHENTICATION_FAILED', 403: 'ACCESS_DENIED', 404: 'NOT_FOUND', 421: 'AUTHENTICATION_REQUIRED', 429: 'THROTTLED', 500: 'INTERNAL_ERROR', 503: 'TRY_AGAIN_LATER' };
export const TOKEN_COOKIE = 'X-APPLE-WEBAUTH-TOKEN';
export const USER_COOKIE = 'X-APPLE-WEBAUTH-USER';
/** Advanced Data Protection's per-service cookies (icloud-photos-sync network-types.ts). */
export const PCS_COOKIES = ['X-APPLE-WEBAUTH-PCS-Photos', 'X-APPLE-WEBAUTH-PCS-Sharing'] as const;

/**
 * 'off': no Advanced Data Protection. 'web-access-on': ADP with "Access iCloud Data on the Web"
 * on, photos need the PCS cookies (requestPCS). 'web-access-off': ADP without web access, photos
 * are refused (Apple support HT212520; contacts and calendars are not end-to-end encrypted under
 * ADP, Apple support HT202303, so they keep answering).
 */
export type AdpMode = 'off' | 'web-access-on' | 'web-access-off';

export interface BrowserCookie {
  name: string;
  value: string;
}

interface PlannedFailure {
  status: number;
  left: number;
  retryAfter: number | null;
}

export class SessionGate {
  adp: AdpMode = 'off';
  private token: string | null = null;
  private pcsGranted = false;
  private expiresAfter: number | null = null;
  private failure: PlannedFailure | null = null;

  constructor(readonly dsid: string) {}

  /** The cookies a browser signed in at icloud.com holds; a new sign-in, a new token. */
  signIn(): BrowserCookie[] {
    this.token = `v=2:t=${randomUUID()}~`;
    this.expiresAfter = null;
    return this.cookies();
  }

  cookies(): BrowserCookie[] {
    if (this.token === null) return [];
    const pcs = this.pcsGranted ? PCS_COOKIES.map((name) => ({ name, value: `"pcs-${name.slice(-6).toLowerCase()}-${this.token!.slice(6, 14)}"` })) : [];
    return [{ name: TOKEN_COOKIE, value: `"${this.token}"` }, { name: USER_COOKIE, value: `"v=1:s=1:d=${this.dsid}"` }, ...pcs];
  }

  signOut(): void {
    this.token = null;
    this.pcsGranted = false;
  }

  /** The session ends after `requests` more answered requests, as a real one does mid-run. */
  expireAfter(requests: number): void {
    this.expiresAfter = requests;
  }

  failNext(status: number, requests: number, retryAfter: number | null = null): void {
    this.failure = { status, left: requests, retryAfter };
  }

  /** What requestPCS does when the device consents: the two PCS cookies are set. */
  grantPcs(): BrowserCookie[] {
    this.pcsGranted = true;
    return this.cookies().filter((c) => (PCS_COOKIES as readonly string[]).includes(c.name));
  }

  hasPcs(exchange: IcloudExchange): boolean {
    const sent = requestCookies(exchange.headers);
    return this.pcsGranted && PCS_COOKIES.every((name) => sent.get(name) === this.cookies().find((c) => c.name === name)?.value);
  }

  /** Answers the request when the session or a planned failure stops it; true when it did. */
  stops(exchange: IcloudExchange): boolean {
    const cloudKit = exchange.role === 'ckdatabasews';
    if (exchange.headers.origin !== ICLOUD_ORIGIN) {
      exchange.json(403, cloudKit ? ckError('ACCESS_DENIED', 'Origin not allowed') : { reason: 'Origin not allowed' });
      return true;
    }
    if (this.failure && this.failure.left > 0) {
      const { status, retryAfter } = this.failure;
      this.failure.left--;
      exchange.json(status, cloudKit ? ckError(CLOUDKIT_CODES[status] ?? 'INTERNAL_ERROR', 'Planned failure') : {}, retryAfter === null ? {} : { 'Retry-After': String(retryAfter) });
      return true;
    }
    const sent = requestCookies(exchange.headers).get(TOKEN_COOKIE);
    if (this.expiresAfter !== null && this.expiresAfter-- <= 0) this.token = null;
    if (sent === undefined || sent !== `"${this.token}"`) {
      const reason = sent === undefined ? `Missing ${TOKEN_COOKIE} cookie` : 'Invalid global session';
      exchange.json(421, cloudKit ? ckError('AUTHENTICATION_REQUIRED', reason) : { success: false, reason });
      return true;
    }
    return false;
  }
}

/** A CloudKit error body (CloudKit Web Services Reference, "Error Dictionary"). */
export function ckError(serverErrorCode: string, reason: string): Record<string, string> {
  return { uuid: randomUUID(), serverErrorCode, reason };
}
