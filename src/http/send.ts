// Sending one request the way the account's policy allows, and judging where it ended.
import type { HttpContext } from './http-context';
import type { HttpRequest } from './http-request';
import { mayCarryCredentials } from './credential-policy';
import { NetworkError } from './http-errors';
import { CredentialsWithheldError, InsecureRedirectError, PlainHttpRefusedError } from './policy-errors';
import { judgeRedirect, type RedirectOutcome } from './redirect-policy';
import { spendRequest } from './request-budget';

export interface SentRequest {
  response: Response;
  /** Where the answer came from after the redirects fetch followed. */
  finalUrl: string;
  /** What that redirect was, if any (redirect-policy.ts). */
  outcome: RedirectOutcome;
}

/** Refuses before sending when the account's credentials may not go to `url`. */
function requireMayCarry(ctx: HttpContext, url: string): void {
  const verdict = mayCarryCredentials(ctx.policy, url);
  if (!verdict.ok && verdict.reason === 'plain-http') throw new PlainHttpRefusedError(url);
  if (!verdict.ok) throw new CredentialsWithheldError({ url, bearer: ctx.policy.kind === 'bearer' });
}

function headersFor(ctx: HttpContext, req: HttpRequest, url: string): Record<string, string> {
  const headers: Record<string, string> = { ...req.headers };
  if (req.credentials !== 'none' && ctx.authorization) {
    requireMayCarry(ctx, url);
    headers.Authorization = ctx.authorization;
  }
  if (req.depth !== undefined) headers.Depth = req.depth;
  if (req.body !== undefined) headers['Content-Type'] = req.contentType ?? 'application/xml; charset=utf-8';
  if (req.ifNoneMatch !== undefined) headers['If-None-Match'] = req.ifNoneMatch;
  if (req.conditional?.etag) headers['If-None-Match'] = req.conditional.etag;
  if (req.conditional?.lastModified) headers['If-Modified-Since'] = req.conditional.lastModified;
  return headers;
}

/**
 * `follow` for reads: in a service worker `manual` yields an opaque response with no Location
 * (Fetch standard, opaque-redirect filtered response), so the client could not follow it itself.
 * `error` for a PUT: its body (a person's contact or event) never travels to a host a redirect
 * names.
 */
function redirectMode(req: HttpRequest): RequestRedirect {
  if (req.method === 'PUT' || req.method === 'POST') return 'error';
  return req.redirect ?? 'follow';
}

/**
 * `omit`: no cookie of the browser's joins an account's credentials. `include` only for an
 * account whose credential is the browser's session for its site (iCloud), on a request that
 * may carry it: the cookies then go where the policy sends the account's requests, nowhere else.
 */
function cookieMode(ctx: HttpContext, req: HttpRequest, url: string): RequestCredentials {
  if (ctx.policy.kind !== 'browser-session' || req.credentials === 'none') return 'omit';
  requireMayCarry(ctx, url);
  return 'include';
}

/**
 * Sends `req` to `url`: refuses before sending when the account's credentials may not go there,
 * and after, when fetch followed a redirect from https to http (the answer travelled in clear)
 * or, with credentials, to a host the account is not bound to (its answer is not the
 * account's; the credentials stayed behind, but the person is told where the server pointed).
 */
export async function sendChecked(ctx: HttpContext, req: HttpRequest, url: string): Promise<SentRequest> {
  const headers = headersFor(ctx, req, url);
  const credentials = cookieMode(ctx, req, url);
  spendRequest(ctx.budget, url);
  let response: Response;
  try {
    response = await ctx.fetch(url, {
      method: req.method,
      headers,
      body: req.body,
      redirect: redirectMode(req),
      credentials,
      signal: req.signal ?? AbortSignal.timeout(req.timeoutMs ?? ctx.timeoutMs),
    });
  } catch (error) {
    throw new NetworkError(url, error);
  }
  const finalUrl = response.url || url;
  if (finalUrl === url) return { response, finalUrl, outcome: 'same-origin' };
  const outcome = judgeRedirect(ctx.policy, url, finalUrl);
  if (outcome === 'downgrade' || (outcome === 'foreign' && req.credentials !== 'none')) {
    await response.body?.cancel().catch(() => undefined);
    if (outcome === 'downgrade') throw new InsecureRedirectError(finalUrl);
    throw new CredentialsWithheldError({ url: finalUrl, bearer: ctx.policy.kind === 'bearer' });
  }
  return { response, finalUrl, outcome };
}
